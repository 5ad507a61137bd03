/**
 * The OpenAPI document of ctmon's HTTP API ({@code /api/v1/openapi.json}): hand-written JSON
 * checked in as a resource, served as it is, and kept in step with the registered routes by a
 * test that starts a real server.
 */
package org.ctmon.web.openapi;
