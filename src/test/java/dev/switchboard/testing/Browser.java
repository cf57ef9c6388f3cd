package dev.switchboard.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} + {@code chromium-driver}) driven by Selenium,
 * for the dashboard tests. With {@code CI=true} a missing browser fails the test; elsewhere the test
 * is skipped with a message saying what to install.
 */
public final class Browser implements AutoCloseable {
  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");
  private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final TestServer server;

  private Browser(ChromeDriver driver, TestServer server) {
    this.driver = driver;
    this.server = server;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Starts a browser for pages of {@code server}, or skips (fails on CI) when none is installed. */
  public static Browser start(TestServer server) {
    String binary = find("CHROME_BIN", CHROMIUM);
    String driverPath = find("CHROMEDRIVER", DRIVER);
    if (binary == null || driverPath == null) {
      String message = "no headless browser: install it with 'apt-get install -y chromium chromium-driver'"
          + " (or set CHROME_BIN and CHROMEDRIVER)";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--window-size=1280,1000", "--disable-dev-shm-usage", "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(driverPath)).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), server);
  }

  private static String find(String variable, List<String> candidates) {
    String given = System.getenv(variable);
    if (given != null && new File(given).canExecute()) {
      return given;
    }
    return candidates.stream().filter(p -> new File(p).canExecute()).findFirst().orElse(null);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Opens a dashboard path (or an absolute URL). */
  public Browser open(String pathOrUrl) {
    driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : server.url(pathOrUrl));
    return this;
  }

  /** Signs in through the sign-in form, starting from a clean cookie jar. */
  public Browser signIn(String email, String password) {
    open("/signin");
    driver.manage().deleteAllCookies();
    open("/signin");
    type(By.id("email"), email);
    type(By.id("password"), password);
    click(By.cssSelector("form[action='/signin'] button[type=submit]"));
    wait.until(d -> !d.getCurrentUrl().contains("/signin"));
    waitForLoad();
    return this;
  }

  public WebElement find(By by) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(by));
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public Browser type(By by, String text) {
    act(by, e -> {
      e.clear();
      e.sendKeys(text);
    });
    return this;
  }

  public Browser click(By by) {
    act(by, WebElement::click);
    return this;
  }

  /** Clicks and waits for the next page to load (a form post and its redirect). */
  public Browser submit(By by) {
    WebElement clicked = act(by, WebElement::click);
    wait.until(d -> gone(clicked));
    waitForLoad();
    return this;
  }

  /** True once the page the element belonged to has been replaced. */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Finds a visible, enabled element and acts on it, finding it again when the page replaced it in
   * the meantime (a page still loading, an htmx swap).
   */
  private WebElement act(By by, Consumer<WebElement> action) {
    return wait.until(d -> {
      try {
        WebElement e = d.findElement(by);
        if (!e.isDisplayed() || !e.isEnabled()) {
          return null;
        }
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        action.accept(e);
        return e;
      } catch (StaleElementReferenceException e) {
        return null;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return null;
        }
        throw e;
      }
    });
  }

  public void waitForLoad() {
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  public <T> T until(Function<ChromeDriver, T> condition) {
    return wait.until(d -> condition.apply(driver));
  }

  public String text(By by) {
    return find(by).getText();
  }

  public String source() {
    return driver.getPageSource();
  }

  public String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  public Browser size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    return this;
  }

  /** Console messages logged since the last call (CSP violations show up here). */
  public List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
  }

  /** Saves a screenshot of the whole page as a PNG. */
  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Object height = script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
      Dimension before = driver.manage().window().getSize();
      int h = Math.min(4000, ((Number) height).intValue() + 140);
      driver.manage().window().setSize(new Dimension(before.getWidth(), Math.max(before.getHeight(), h)));
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      driver.manage().window().setSize(before);
      Files.write(file, png);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Cookies of the dashboard as name → value (for a plain HTTP client acting as this browser). */
  public Map<String, String> cookies() {
    Map<String, String> out = new HashMap<>();
    driver.manage().getCookies().forEach(c -> out.put(c.getName(), c.getValue()));
    return out;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
