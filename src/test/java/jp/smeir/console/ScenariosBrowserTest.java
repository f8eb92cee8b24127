package jp.smeir.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** An analyst runs the whole scenario suite, then one scenario against the rule files on disk; a reporter has no such page. */
@QuarkusTest
class ScenariosBrowserTest {

    @TestHTTPResource("/")
    URL application;

    @Test
    void anAnalystRunsTheSuite() {
        try (Browser browser = Browser.open(application)) {
            browser.logIn("analyst", "analyst-pass");
            browser.driver().findElement(By.linkText("シナリオ")).click();
            browser.waitFor(By.id("run-all")).click();
            String summary = browser.waitFor(By.id("results-h")).getText();
            assertThat(summary).matches("(\\d+) 件中 \\1 件成功、0 件失敗");
            assertThat(browser.driver().findElement(By.id("results")).getText()).contains("すべてのシナリオが期待どおりでした");
            browser.screenshot("scenarios");

            browser.driver().findElement(By.cssSelector("input[name='rules'][value='folder']")).click();
            browser.driver().findElement(By.cssSelector("button[name='scenario']")).click();
            browser.waitUntil(d -> d.findElement(By.id("results-h")).getText().equals("1 件中 1 件成功、0 件失敗"));

            browser.driver().findElement(By.linkText("ルール")).click();
            assertThat(browser.waitFor(By.cssSelector("main table")).getText()).contains("②報告・公表");
            browser.screenshot("rules");
        }
    }

    @Test
    void aReporterSeesNeitherScenariosNorRules() {
        try (Browser browser = Browser.open(application)) {
            browser.logIn("reporter", "reporter-pass");
            assertThat(browser.all(By.linkText("シナリオ"))).isEmpty();
            assertThat(browser.all(By.linkText("ルール"))).isEmpty();
        }
    }
}
