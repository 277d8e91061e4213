package dev.pitstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitstop.control.SwapFailed;
import dev.pitstop.control.SwapOutcome;
import dev.pitstop.core.InstallRequest;
import dev.pitstop.core.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium) over a real stack, as {@code pitstop ui} serves it.
 * Screenshots land in {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    @TempDir static Path dir;
    LiveStack stack;
    ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        stack = new LiveStack(Files.createDirectory(dir.resolve("stack")));
        browser = HeadlessChromium.start(Files.createDirectory(dir.resolve("profile")), 1280, 860);
        browser.get(stack.url.toString()); // the token's one visit: from here on the cookie admits the page
        waitFor().until(d -> !d.findElements(By.cssSelector("tr[data-process]")).isEmpty());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    void open(String hash) {
        browser.get(stack.base() + "/" + hash);
    }

    @Test
    void showsEveryProcessWithItsStateAndBinary() throws Exception {
        open("#/stack");
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("tr[data-process='s'] [data-col='state']"), "Running"));
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("tr[data-process='talker'] [data-col='state']"),
                "Running"));
        assertThat(browser.findElements(By.cssSelector("tr[data-process]"))).hasSize(2);
        String pid = Long.toString(stack.status("s").pid());
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("tr[data-process='s'] [data-col='pid']"), pid));
        WebElement binary = browser.findElement(By.cssSelector("tr[data-process='s'] [data-col='binary']"));
        String sha = Sha256.ofFile(stack.dir.resolve("sleep1")).hex();
        assertThat(binary.getText()).contains("sleeper", sha.substring(0, 8), "file:./sleep1");
        // CPU and RSS come with the next tick of the feed, from /proc
        waitFor().until(d -> d.findElement(By.cssSelector("tr[data-process='s'] [data-col='rss']")).getText()
                .endsWith("MiB"));
        waitFor().until(d -> d.findElement(By.cssSelector("tr[data-process='s'] [data-col='cpu']")).getText()
                .endsWith("%"));
        HeadlessChromium.screenshot(browser, "stack");
    }

    @Test
    void reloadShowsItsProgressAndTheNewPid() throws Exception {
        open("#/process/s");
        long before = stack.status("s").pid();
        waitFor().until(ExpectedConditions.textToBe(By.id("process-pid"), Long.toString(before)));
        browser.findElement(By.cssSelector("button[data-action='reload']")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"), "reloaded: PID "));
        long after = stack.status("s").pid();
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.findElement(By.id("action-result")).getText()).contains(before + " \u2192 " + after);
        waitFor().until(ExpectedConditions.textToBe(By.id("process-pid"), Long.toString(after)));
        waitFor().until(d -> d.findElement(By.id("progress-steps")).getText().contains("reload succeeded"));
        assertThat(browser.findElement(By.id("progress-steps")).getText()).contains("reload started");
        assertThat(browser.findElement(By.id("process-summary")).getText()).contains("Running", "sleeper")
                .doesNotContain("[object");
        HeadlessChromium.screenshot(browser, "process");
    }

    @Test
    void followsTheLogLiveAndPausesAndFilters() throws Exception {
        open("#/process/talker");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "first line"));
        String live = "live line " + UUID.randomUUID();
        append(live);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), live));

        browser.findElement(By.id("log-pause")).click();
        String held = "held line " + UUID.randomUUID();
        append(held);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("log-paused"), "1 new lines held"));
        assertThat(browser.findElement(By.id("log")).getText()).doesNotContain(held);
        browser.findElement(By.id("log-pause")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), held));

        browser.findElement(By.id("log-filter")).sendKeys("held line");
        waitFor().until(d -> !d.findElement(By.id("log")).getText().contains("first line"));
        assertThat(browser.findElement(By.id("log")).getText()).contains(held).doesNotContain(live);
    }

    @Test
    void aBrokenBinaryIsRolledBackAndTheHistorySaysWhyThenAnEarlierVersionCanBeRestored() throws Exception {
        open("#/binaries");
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-binary='sleeper']")));
        Path broken = stack.dir.resolve("broken");
        Files.writeString(broken, "#!/bin/sh\necho 'cannot read config' >&2\nexit 3\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
        SwapOutcome outcome = stack.api.install(InstallRequest.of("sleeper", broken).version("broken-1"));
        assertThat(outcome).isInstanceOf(SwapFailed.class);
        String badSha = Sha256.ofFile(broken).hex();
        By badRow = By.cssSelector("[data-binary='sleeper'] tr[data-outcome='bad'][data-sha='" + badSha + "']");
        waitFor().until(ExpectedConditions.presenceOfElementLocated(badRow));
        assertThat(browser.findElement(badRow).getText()).contains("broken-1");
        assertThat(browser.findElements(By.cssSelector("[data-rollback='" + badSha + "']"))).isEmpty();
        HeadlessChromium.screenshot(browser, "binaries-bad");

        // a good second version, then back to the first through the page's button (the health-gated swap)
        Path second = stack.dir.resolve("sleep2");
        Files.copy(Path.of("/bin/sleep"), second, StandardCopyOption.COPY_ATTRIBUTES);
        Files.write(second, new byte[] {'\n'}, StandardOpenOption.APPEND);
        assertThat(stack.api.install(InstallRequest.of("sleeper", second).version("2.0")).toString()).contains("ok=true");
        String firstSha = Sha256.ofFile(stack.dir.resolve("sleep1")).hex();
        By rollback = By.cssSelector("[data-binary='sleeper'] button[data-rollback='" + firstSha + "']");
        waitFor().until(ExpectedConditions.elementToBeClickable(rollback)).click();
        waitFor().until(ExpectedConditions.alertIsPresent()).accept();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("binaries-status"), "\u2192"));
        assertThat(stack.api.manifest().current("sleeper").orElseThrow().sha256().hex()).isEqualTo(firstSha);
        waitFor().until(d -> !d.findElements(By.cssSelector(
                "[data-binary='sleeper'] tr[data-outcome='rolled-back']")).isEmpty());
        HeadlessChromium.screenshot(browser, "binaries");
    }

    @Test
    void theTimelineFiltersAndTheReportsAreListed() throws Exception {
        open("#/events");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "stack starting"));
        HeadlessChromium.screenshot(browser, "events");
        browser.findElement(By.id("events-filter")).sendKeys("talker");
        waitFor().until(d -> d.findElements(By.cssSelector("#events li")).stream()
                .allMatch(li -> li.getText().contains("talker")));
        open("#/reports");
        WebElement report = waitFor().until(ExpectedConditions.elementToBeClickable(By.linkText("drill-20261129T120000Z/report.md")));
        report.click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("report"), "reload s: 0 lost"));
    }

    @Test
    void aPhoneWidthStacksTheTableIntoCards() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("#/stack");
            waitFor().until(ExpectedConditions.textToBe(By.cssSelector("tr[data-process='s'] [data-col='state']"),
                    "Running"));
            assertThat(browser.findElement(By.cssSelector("#stack-table thead")).isDisplayed()).isFalse();
            Object scrollWidth = browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(390);
            HeadlessChromium.screenshot(browser, "phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 860));
        }
    }

    @Test
    void followsTheSystemsDarkMode() throws Exception {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            open("#/binaries");
            waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-binary='sleeper']")));
            String background = (String) browser.executeScript(
                    "return getComputedStyle(document.body).backgroundColor");
            assertThat(background).isEqualTo("rgb(22, 23, 25)");
            HeadlessChromium.screenshot(browser, "binaries-dark");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", java.util.List.of()));
        }
    }

    @Test
    void withoutTheTokenTheDashboardRefuses() throws Exception {
        ChromeDriver stranger = HeadlessChromium.start(Files.createDirectory(dir.resolve("stranger")), 800, 600);
        try {
            stranger.get(stack.base() + "/");
            assertThat(stranger.findElement(By.tagName("body")).getText()).contains("refused: no dashboard token");
            stranger.get(stack.base() + "/?token=wrong");
            assertThat(stranger.findElement(By.tagName("body")).getText()).contains("refused");
        } finally {
            stranger.quit();
        }
    }

    private void append(String line) throws Exception {
        Files.writeString(stack.dir.resolve("input.log"), line + "\n", StandardOpenOption.APPEND);
    }
}
