package org.ctmon.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.WatchListFile;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.store.StoreException;
import org.ctmon.web.account.WatchlistImport;
import org.ctmon.web.account.WatchlistLimits;
import org.ctmon.web.api.IssuerSeries;
import org.ctmon.web.api.NameTest;
import org.ctmon.web.api.WatchlistListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's watch lists. A form with any error stores nothing and comes back with the
 * messages next to their fields; another account's id is a 404.
 *
 * <pre>
 *   GET  /watchlists                  the lists, "new" form, certspotter file upload
 *   POST /watchlists                  create
 *   POST /watchlists/import           multipart: file (certspotter syntax), name
 *   GET  /watchlists/{id}             the list: edit form, test a name, issuers chart, channels
 *   POST /watchlists/{id}             save the edit form
 *   POST /watchlists/{id}/delete
 *   GET  /watchlists/{id}/export      the items as a certspotter file (download)
 *   GET  /watchlists/{id}/test?name=  which items match the name and why (htmx: the result alone)
 * </pre>
 */
final class WatchlistsPage {
  private static final Logger LOG = LoggerFactory.getLogger(WatchlistsPage.class);
  /** Largest certspotter file accepted from the page. */
  static final long MAX_FILE = 1_000_000;
  static final int CHART_DAYS = 182;
  private final Watchlists lists;
  private final Matches matches;
  private final EmailRecipients recipients;
  private final Webhooks webhooks;
  private final CaaIssuers caa;
  private final WatchlistListener listener;
  private final Clock clock;
  private final Templates templates;

  /** One list in the table. */
  record ListRow(long id, String name, int itemCount, String itemsPreview, String policy, String created) {}

  /** The index page: the lists, the new-list form, and the import form's name and errors. */
  record Model(List<ListRow> lists, WatchlistForm form, String importName, List<String> importErrors) {}

  /** The result of "test a name" ({@code test} null before a name was asked, {@code error} "" when fine). */
  record TestResult(long listId, String name, NameTest test, String error) {}

  /** One list's page. */
  record OneModel(Watchlist list, WatchlistForm form, TestResult test, Chart.Bars issuers, int emailChannels,
                  int webhookChannels, String notice) {}

  WatchlistsPage(Watchlists lists, Matches matches, EmailRecipients recipients, Webhooks webhooks, CaaIssuers caa,
                 WatchlistListener listener, Clock clock, Templates templates) {
    this.lists = lists;
    this.matches = matches;
    this.recipients = recipients;
    this.webhooks = webhooks;
    this.caa = caa;
    this.listener = listener;
    this.clock = clock;
    this.templates = templates;
  }

  void register(RoutesConfig routes, SignIn signIn) {
    routes.get("/watchlists", signIn.signedIn(this::list));
    routes.post("/watchlists", signIn.signedIn(this::create));
    routes.post("/watchlists/import", signIn.signedIn(this::importFile));
    routes.get("/watchlists/{id}", signIn.signedIn(this::one));
    routes.post("/watchlists/{id}", signIn.signedIn(this::update));
    routes.post("/watchlists/{id}/delete", signIn.signedIn(this::delete));
    routes.get("/watchlists/{id}/export", signIn.signedIn(this::export));
    routes.get("/watchlists/{id}/test", signIn.signedIn(this::test));
  }

  void list(Context ctx, Visitor v) {
    show(ctx, v, WatchlistForm.empty(), "", List.of());
  }

  void create(Context ctx, Visitor v) {
    WatchlistForm form = WatchlistForm.read(ctx, caa);
    if (form.errors().isEmpty()) {
      try {
        long id = lists.create(v.accountId(), form.spec(caa));
        saved(v.accountId(), id);
        ctx.redirect("/watchlists/" + id + "?saved=created", HttpStatus.SEE_OTHER);
        return;
      } catch (StoreException e) {
        form = nameTaken(e, v, form, -1);
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    show(ctx, v, form, "", List.of());
  }

  void update(Context ctx, Visitor v) {
    Optional<Watchlist> w = owned(ctx, v);
    if (w.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such watch list");
      return;
    }
    WatchlistForm form = WatchlistForm.read(ctx, caa);
    if (form.errors().isEmpty()) {
      try {
        if (!lists.replace(v.accountId(), w.get().id(), form.spec(caa))) {
          NotFound.show(ctx, templates, v, "no such watch list");
          return;
        }
        saved(v.accountId(), w.get().id());
        ctx.redirect("/watchlists/" + w.get().id() + "?saved=edited", HttpStatus.SEE_OTHER);
        return;
      } catch (StoreException e) {
        form = nameTaken(e, v, form, w.get().id());
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    showOne(ctx, v, w.get(), form, null, "");
  }

  void delete(Context ctx, Visitor v) {
    Optional<Watchlist> w = owned(ctx, v);
    if (w.isEmpty() || !lists.delete(v.accountId(), w.get().id())) {
      NotFound.show(ctx, templates, v, "no such watch list");
      return;
    }
    try {
      listener.deleted(v.accountId(), w.get().id());
    } catch (RuntimeException e) {
      LOG.error("watch list {} of account {} deleted, but the matcher was not told", w.get().id(), v.accountId(), e);
    }
    ctx.redirect("/watchlists", HttpStatus.SEE_OTHER);
  }

  void export(Context ctx, Visitor v) {
    Optional<Watchlist> w = owned(ctx, v);
    if (w.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such watch list");
      return;
    }
    String file = WatchListFile.write(w.get().spec().items().stream().map(WatchItem::parse).toList());
    ctx.contentType("text/plain; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"watchlist-" + w.get().id() + ".txt\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .result(file);
  }

  void importFile(Context ctx, Visitor v) {
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    if (name.isEmpty()) {
      name = WatchlistImport.DEFAULT_NAME;
    }
    List<String> errors = new ArrayList<>();
    if (name.length() > WatchlistForm.MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      errors.add("a name has 1.." + WatchlistForm.MAX_NAME + " characters and no control characters");
    }
    UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
    String text = null;
    if (file == null) {
      errors.add("choose a certspotter watch-list file to upload");
    } else if (file.size() > MAX_FILE) {
      errors.add("the file has " + file.size() + " bytes; at most " + MAX_FILE + " are accepted");
    } else {
      try (InputStream in = file.content()) {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(in.readNBytes((int) MAX_FILE + 1))).toString();
      } catch (CharacterCodingException e) {
        errors.add("the file is not UTF-8 text");
      } catch (IOException e) {
        errors.add("the file could not be read: " + e.getMessage());
      }
    }
    WatchListFile.Parsed parsed = text == null ? null : WatchListFile.parse(text);
    if (parsed != null) {
      for (WatchListFile.LineError e : parsed.errors()) {
        if (errors.size() < 50) {
          errors.add("line " + e.line() + ": " + e.message());
        }
      }
      if (parsed.errors().isEmpty() && parsed.items().isEmpty()) {
        errors.add("the file has no item");
      }
      if (parsed.items().size() > WatchlistLimits.MAX_ITEMS) {
        errors.add("the file has " + parsed.items().size() + " items; a watch list holds at most "
            + WatchlistLimits.MAX_ITEMS);
      }
    }
    if (errors.isEmpty()) {
      try {
        WatchlistImport.Outcome o = WatchlistImport.store(lists, v.accountId(), name, parsed.items());
        saved(v.accountId(), o.list().id());
        ctx.redirect("/watchlists/" + o.list().id() + "?saved=" + (o.created() ? "imported" : "reimported"),
            HttpStatus.SEE_OTHER);
        return;
      } catch (StoreException e) {
        errors.add("the list was changed meanwhile; upload the file again");
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    show(ctx, v, WatchlistForm.empty(), name, errors);
  }

  void one(Context ctx, Visitor v) {
    Optional<Watchlist> w = owned(ctx, v);
    if (w.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such watch list");
      return;
    }
    showOne(ctx, v, w.get(), WatchlistForm.of(w.get().spec()), null, notice(ctx.queryParam("saved")));
  }

  void test(Context ctx, Visitor v) {
    Optional<Watchlist> w = owned(ctx, v);
    if (w.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such watch list");
      return;
    }
    String name = Optional.ofNullable(ctx.queryParam("name")).orElse("");
    TestResult result;
    try {
      result = new TestResult(w.get().id(), name, NameTest.of(w.get().spec(), name), "");
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      result = new TestResult(w.get().id(), name.length() > 300 ? name.substring(0, 300) : name, null, e.getMessage());
    }
    if ("true".equals(ctx.header("HX-Request"))) {
      templates.render(ctx, "nameTest.jte", Map.of("result", result));
      return;
    }
    showOne(ctx, v, w.get(), WatchlistForm.of(w.get().spec()), result, "");
  }

  private static String notice(String saved) {
    if (saved == null) {
      return "";
    }
    switch (saved) {
      case "created":
        return "Watch list created. The matcher uses it for new certificates now, and is checking what ctmon already stored.";
      case "edited":
        return "Saved. The matcher uses the new version now, and is checking what ctmon already stored against it.";
      case "imported":
        return "Imported as a new watch list. Add expected issuers below to be told only about unexpected certificates.";
      case "reimported":
        return "Imported: the items of this list were replaced by the file's; its policy is unchanged.";
      default:
        return "";
    }
  }

  private Optional<Watchlist> owned(Context ctx, Visitor v) {
    return PathIds.of(ctx).flatMap(id -> lists.get(v.accountId(), id));
  }

  private WatchlistForm nameTaken(StoreException e, Visitor v, WatchlistForm form, long except) {
    String name = form.name().strip();
    if (lists.list(v.accountId()).stream().noneMatch(w -> w.spec().name().equals(name) && w.id() != except)) {
      throw e; // not the name: a real failure, answered 500 and logged
    }
    return form.withError("name", "you have a watch list with this name already");
  }

  private void saved(long account, long id) {
    try {
      listener.saved(account, id);
    } catch (RuntimeException e) {
      LOG.error("watch list {} of account {} saved, but the matcher was not told", id, account, e);
    }
  }

  private void showOne(Context ctx, Visitor v, Watchlist w, WatchlistForm form, TestResult test, String notice) {
    IssuerSeries series = IssuerSeries.of(matches.issuersPerDay(v.accountId(), w.id(),
        IssuerSeries.since(clock.instant(), CHART_DAYS)), clock.instant(), CHART_DAYS, 7);
    List<String> names = new ArrayList<>();
    List<List<Long>> counts = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    for (IssuerSeries.Issuer i : series.issuers()) {
      names.add(i.name());
      counts.add(i.counts());
      totals.add(i.total());
    }
    List<String> labels = series.buckets().stream().map(b -> Display.day(b).substring(5)).toList();
    templates.page(ctx, "watchlist.jte", new Page(w.spec().name(), Page.Section.WATCHLISTS, v),
        new OneModel(w, form, test == null ? new TestResult(w.id(), "", null, "") : test,
            Chart.bars(names, counts, labels, totals), recipients.list(v.accountId()).size(),
            webhooks.list(v.accountId()).size(), notice));
  }

  private void show(Context ctx, Visitor v, WatchlistForm form, String importName, List<String> importErrors) {
    List<ListRow> rows = lists.list(v.accountId()).stream().map(WatchlistsPage::row).toList();
    templates.page(ctx, "watchlists.jte", new Page("Watch lists", Page.Section.WATCHLISTS, v),
        new Model(rows, form, importName, importErrors));
  }

  private static ListRow row(Watchlist w) {
    List<String> items = w.spec().items();
    String preview = String.join(", ", items.subList(0, Math.min(4, items.size())))
        + (items.size() > 4 ? " and " + (items.size() - 4) + " more" : "");
    String policy = w.spec().expectedIssuers().isEmpty() && w.spec().knownKeys().isEmpty() ? "any issuer"
        : w.spec().expectedIssuers().size() + " expected issuer(s), " + w.spec().knownKeys().size() + " known key(s)";
    return new ListRow(w.id(), w.spec().name(), items.size(), preview,
        policy + (w.spec().lookalikes() ? ", lookalikes" : ""), Display.day(w.createdAt()));
  }
}
