/**
 * Public search over every stored issuance: by name (exact, with the wildcards that cover it, or
 * with all subdomains), issuer, key, fingerprint or serial; expired and date filters; newest
 * first with keyset pagination; and one issuance with every log entry of it.
 */
package org.ctmon.store.issuance;
