/**
 * The JSON API under {@code /api/v1} and the health endpoints: the bodies DESIGN.md fixes
 * ({@code snake_case}, fields only ever added), built from store records by small mappers so the
 * wire format is visible in one place per resource.
 */
package org.ctmon.web.api;
