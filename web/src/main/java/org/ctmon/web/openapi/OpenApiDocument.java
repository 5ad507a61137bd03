package org.ctmon.web.openapi;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 document of ctmon's HTTP API, hand-written in
 * the resource {@code openapi.json} next to this class and served as it is. {@code
 * OpenApiDocumentTest} keeps it in step with the routes the server registers. Thread safe.
 */
public final class OpenApiDocument {
  /** Where the document is served. */
  public static final String PATH = "/api/v1/openapi.json";
  private final byte[] json;

  /** Reads the document from the class path; an {@link UncheckedIOException} if it is missing. */
  public OpenApiDocument() {
    this.json = read();
  }

  /** Registers {@link #PATH}. */
  public void register(RoutesConfig routes) {
    routes.get(PATH, ctx -> ctx.header("Access-Control-Allow-Origin", "*")
        .contentType("application/json").result(json));
  }

  /** The document's bytes, as served (UTF-8 JSON). */
  static byte[] read() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("error reading the OpenAPI document: resource "
            + "org/ctmon/web/openapi/openapi.json is missing from the class path"));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("error reading the OpenAPI document org/ctmon/web/openapi/openapi.json", e);
    }
  }
}
