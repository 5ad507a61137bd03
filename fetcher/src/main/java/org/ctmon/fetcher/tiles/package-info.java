/**
 * A client for static-ct-api logs (C2SP {@code static-ct-api}, {@code tlog-tiles}): checkpoints,
 * data tiles, hash tiles and issuers below the monitoring prefix, and the planning of which data
 * tiles to fetch.
 *
 * <pre>
 *  StaticCtClient ──LogEndpoint (one attempt, typed failures)──&gt;
 *      checkpoint()              SignedCheckpoint, the log's note signature verified (origin from the list)
 *      dataTile(N, W)            tile/data/&lt;N&gt;[.p/W] ──(404 on .p/W: the full tile, first W)──&gt; DataTile.decode
 *      hashTile(L, N, W)         tile/&lt;L&gt;/&lt;N&gt;[.p/W], same fallback ──&gt; W hashes
 *      issuer(fingerprint)       issuer/&lt;hex&gt;, SHA-256 checked, LRU-cached
 *  DataTileRef.plan(start, size, includePartial, max) ──&gt; the data tiles covering [start, size)
 * </pre>
 *
 * <p>Data tiles may arrive gzip-encoded with or without {@code Content-Encoding}: OkHttp decodes
 * the header case (it asks for gzip itself), {@code DataTile.decode} detects the gzip magic in the
 * other. Tile paths use tlog-tiles' index encoding ({@code 1234067} is {@code x001/x234/067}).
 */
package org.ctmon.fetcher.tiles;
