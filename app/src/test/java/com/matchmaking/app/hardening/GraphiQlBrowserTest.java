package com.matchmaking.app.hardening;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.DevProfileIntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real browser: headless Chromium opens {@code /graphiql} of a backend running the {@code dev} profile,
 * a member's login token goes into GraphiQL's headers editor, and the answer to {@code { me { email } }} is read
 * from the page. Skipped only where Debian's {@code chromium} or {@code chromium-driver} is not installed; CI
 * installs both.
 */
@EnabledIf(value = "browserInstalled",
        disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)")
class GraphiQlBrowserTest extends DevProfileIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Path profile;
    private WebDriver browser;

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeEach
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root, in a closed network: no sandbox, and none of the background connections it would try to make.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aMemberRunsAQueryWithTheirTokenInGraphiQl() {
        TestMembers.Member member = TestMembers.fresh();
        Api.Registered registered = api().register(member);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get("http://localhost:" + port + "/graphiql");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-query-editor .CodeMirror")));
        // GraphiQL has the schema (by introspection, on in this profile) once its documentation explorer lists it.
        browser.findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']")).click();
        wait.until(driver -> driver.findElement(By.cssSelector(".graphiql-doc-explorer")).getText().contains("Query"));

        editor(".graphiql-query-editor .CodeMirror", "{ me { email } }");
        browser.findElement(By.xpath("//button[normalize-space()='Headers']")).click();
        wait.until(driver -> visibleHeadersEditor() != null);
        editor(visibleHeadersEditor(), "{\"Authorization\": \"Bearer " + registered.token() + "\"}");
        browser.findElement(By.cssSelector("button.graphiql-execute-button")).click();

        WebElement result = browser.findElement(By.cssSelector(".graphiql-response"));
        wait.until(driver -> result.getText().contains(member.email()));
        assertThat(result.getText()).contains("\"me\"", "\"email\": \"" + member.email() + "\"").doesNotContain("errors");

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("browser console: failed loads, blocked resources, script errors").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js().executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + port + "/"));
        assertThat(js().executeScript("return window.localStorage.length")).as("nothing kept in the browser").isEqualTo(0L);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    /** The CSS selector of the headers editor once its tab shows it (the variables editor shares the panel). */
    private String visibleHeadersEditor() {
        return (String) js().executeScript("""
                var editors = document.querySelectorAll('.graphiql-editor-tool .graphiql-editor');
                for (var i = 0; i < editors.length; i++) {
                    if (!editors[i].classList.contains('hidden') && editors[i].querySelector('.CodeMirror')) {
                        editors[i].setAttribute('data-test', 'headers');
                        return '.graphiql-editor-tool .graphiql-editor[data-test="headers"] .CodeMirror';
                    }
                }
                return null;
                """);
    }

    /** Replaces the text of one of GraphiQL's CodeMirror editors, as a user's paste would. */
    private void editor(String selector, String text) {
        js().executeScript("document.querySelector(arguments[0]).CodeMirror.setValue(arguments[1])", selector, text);
    }
}
