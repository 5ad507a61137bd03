package org.ctmon.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI in a real browser: headless Chromium (Debian {@code chromium}) driven through
 * {@code chromium-driver} by Selenium. Signs in, creates a watch list, sees it listed, finds an
 * ingested certificate by search; screenshots of each page go to {@code target/screenshots/}
 * (laptop width, and the watch-list page again at phone width). Without Chromium the test fails
 * under CI ({@code CI=true}) and is skipped, with a message, elsewhere.
 */
final class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "screenshots");
  @TempDir Path dir;
  private UiFixture f;
  private WebDriver browser;

  @BeforeEach
  void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      String why = "the browser test needs Chromium: apt-get install -y chromium chromium-driver (" + CHROMIUM + ", "
          + DRIVER + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      System.err.println("SKIPPED: " + why);
      Assumptions.abort(why);
    }
    f = new UiFixture(dir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (f != null) {
      f.close();
    }
  }

  @Test
  void signInCreateAWatchListSeeItListedAndSearch() throws IOException {
    browser.get(f.url("/watchlists"));
    assertEquals("Sign in · ctmon", browser.getTitle());
    shot("1-sign-in");
    browser.findElement(By.id("email")).sendKeys(UiFixture.ALICE);
    browser.findElement(By.id("password")).sendKeys(UiFixture.ALICE_PASSWORD);
    browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();

    waitForTitle("Watch lists · ctmon"); // back where the visitor was going
    browser.get(f.url("/"));
    assertTrue(browser.findElement(By.cssSelector("table.logs")).getText().contains("Argon2027h1"));
    shot("2-dashboard");

    browser.get(f.url("/watchlists"));
    browser.findElement(By.id("name")).sendKeys("<script>alert(1)</script> bank");
    browser.findElement(By.id("items")).sendKeys(".mybank.example\n.mybank-payments.example");
    browser.findElement(By.id("expected_issuers")).sendKeys("letsencrypt.org");
    browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    waitForTitle("<script>alert(1)</script> bank · ctmon");
    assertEquals("<script>alert(1)</script> bank", browser.findElement(By.tagName("h1")).getText());
    shot("3-watch-list");

    browser.get(f.url("/watchlists"));
    String listed = browser.findElement(By.tagName("table")).getText();
    assertTrue(listed.contains("<script>alert(1)</script> bank"), listed);
    assertTrue(listed.contains(".mybank.example, .mybank-payments.example"), listed);
    shot("4-watch-lists");
    browser.manage().window().setSize(new Dimension(390, 844));
    shot("4-watch-lists-phone");
    browser.manage().window().setSize(new Dimension(1280, 900));

    browser.get(f.url("/alerts"));
    assertTrue(browser.findElement(By.tagName("table")).getText().contains("www.shop.example"));
    shot("5-alerts");

    browser.get(f.url("/search"));
    browser.findElement(By.name("q")).sendKeys(".shop.example");
    browser.findElement(By.cssSelector(".searchbar button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q="));
    String results = browser.findElement(By.cssSelector("table.results")).getText();
    assertTrue(results.contains("www.shop.example"), results);
    shot("6-search");

    browser.findElement(By.cssSelector(".who button")).click();
    waitForTitle("Sign in · ctmon");
  }

  @Test
  void editAWatchListTestANameFilterAlertsOpenOneAndAcknowledgeIt() throws IOException {
    signIn();
    browser.get(f.url("/"));
    assertTrue(browser.findElement(By.cssSelector("figure.chart polyline.line")).isDisplayed(), "the lag chart");
    both("7-dashboard");

    browser.get(f.url("/watchlists/" + f.aliceList));
    browser.findElement(By.id("never_issue")).sendKeys("internal.shop.example");
    browser.findElement(By.cssSelector("input[name=lookalikes]")).click();
    browser.findElement(By.xpath("//button[text()='Save changes']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("saved=edited"));
    assertTrue(browser.findElement(By.cssSelector(".notice.ok")).getText().startsWith("Saved."));
    assertEquals("internal.shop.example", browser.findElement(By.id("never_issue")).getAttribute("value"));

    String before = browser.getCurrentUrl();
    browser.findElement(By.cssSelector("#test input[name=name], section.card input[name=name]")).sendKeys("vpn.shop.example");
    browser.findElement(By.xpath("//button[text()='Test']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.id("test-result"), "vpn.shop.example is watched by this list"));
    assertEquals(before, browser.getCurrentUrl(), "htmx answered in place, without a page load");
    assertTrue(browser.findElement(By.id("test-result")).getText().contains("it is under shop.example"));
    both("8-watch-list-edit-and-test");

    browser.get(f.url("/alerts?verdict=unexpected&delivery=none&acknowledged=false"));
    assertTrue(browser.findElement(By.cssSelector("table.alerts")).getText().contains("www.shop.example"));
    both("9-alerts-filtered");
    browser.findElement(By.linkText("www.shop.example, pay.shop.example")).click();
    waitForTitle("www.shop.example · ctmon");
    assertTrue(browser.findElement(By.cssSelector("section.why")).getText().contains("issuer Evil CA is not expected"));
    both("10-alert");

    browser.findElement(By.xpath("//button[text()='Acknowledge']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("form.ack"), "acknowledged"));
    browser.get(f.url("/alerts?acknowledged=true"));
    assertTrue(browser.findElement(By.cssSelector("table.alerts")).getText().contains("www.shop.example"));
    both("11-alerts-acknowledged");
    browser.get(f.url("/watchlists"));
    both("12-watch-lists");
  }

  private void signIn() {
    browser.get(f.url("/login"));
    browser.findElement(By.id("email")).sendKeys(UiFixture.ALICE);
    browser.findElement(By.id("password")).sendKeys(UiFixture.ALICE_PASSWORD);
    browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    waitForTitle("Dashboard · ctmon");
  }

  /** A screenshot at laptop width, then the same page at phone width (full height of each). */
  private void both(String name) throws IOException {
    shot(name);
    browser.manage().window().setSize(new Dimension(390, 844));
    shot(name + "-phone");
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  private void waitForTitle(String title) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs(title));
  }

  private void shot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }
}
