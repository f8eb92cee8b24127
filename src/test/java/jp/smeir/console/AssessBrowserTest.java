package jp.smeir.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A reporter in a real browser: logs in, assesses the ransomware case from the form, answers a question in place
 * and sees a duty go, saves the incident, completes one item and marks another not applicable.
 */
@QuarkusTest
class AssessBrowserTest {

    @TestHTTPResource("/")
    URL application;

    @Test
    void assessAnswerSaveCompleteAndMarkNotApplicable() {
        try (Browser browser = Browser.open(application)) {
            browser.logIn("reporter", "reporter-pass");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");

            browser.driver().findElement(By.id("f-title")).sendKeys("ランサムウェア感染（ファイルサーバー）");
            browser.driver().findElement(By.cssSelector("input[name='incidentTypes'][value='RANSOMWARE']")).click();
            new Select(browser.driver().findElement(By.id("f-personalData-breach"))).selectByValue("SUSPECTED");
            browser.driver().findElement(By.id("f-personalData-affectedPersons")).sendKeys("1200");
            browser.driver().findElement(By.cssSelector("#facts button.primary")).click();

            browser.waitFor(By.cssSelector("#answer .timeline"));
            assertThat(browser.driver().findElement(By.cssSelector("#answer .first-steps")).getText()).contains("ネットワークから切り離す");
            assertThat(browser.all(By.cssSelector("#answer .item[data-code='PPC_PRELIMINARY_REPORT']"))).hasSize(1);
            assertThat(browser.all(By.cssSelector("#answer .item[data-code='GDPR_DATA_SUBJECT_NOTICE']"))).hasSize(1);
            browser.screenshot("assess");

            // EU residents' data? No: the GDPR duties drop, and the page says so
            WebElement question = browser.driver().findElement(By.xpath(
                    "//form[contains(@class,'answer-form')][input[@name='answer.fact' and @value='personalData.euResidents']]"));
            question.findElement(By.cssSelector("button[value='false']")).click();
            WebElement changes = browser.waitFor(By.cssSelector("#answer .changes"));
            assertThat(changes.getText()).contains("不要になった").contains("EU");
            assertThat(browser.all(By.cssSelector("#answer .item[data-code='GDPR_DATA_SUBJECT_NOTICE']"))).isEmpty();
            assertThat(new Select(browser.driver().findElement(By.id("f-personalData-euResidents"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("false");
            browser.screenshot("assess-answered");

            browser.driver().findElement(By.cssSelector("#facts button[formaction='/console/assess/save']")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("/console/incident?id="));
            assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("ランサムウェア感染（ファイルサーバー）");

            act(browser, "ISOLATE_FROM_NETWORK", "form[action='/console/incident/complete']", "note", "LAN ケーブルを抜いた");
            assertThat(state(browser, "ISOLATE_FROM_NETWORK")).isEqualTo("完了");
            act(browser, "PUBLIC_NOTICE_IN_LIEU", "form[action='/console/incident/not-applicable']", "reason", "全員に個別に連絡できる");
            assertThat(state(browser, "PUBLIC_NOTICE_IN_LIEU")).isEqualTo("該当なし");
            assertThat(browser.driver().findElement(By.cssSelector(".history")).getText())
                    .contains("項目が完了しました").contains("項目が該当なしとされました");
            browser.screenshot("incident");
        }
    }

    /** Opens the item's actions and sends one of its forms with the given field filled. */
    private static void act(Browser browser, String code, String form, String field, String value) {
        WebElement item = browser.driver().findElement(By.id("item-" + code));
        item.findElement(By.tagName("summary")).click();
        WebElement f = item.findElement(By.cssSelector(form));
        f.findElement(By.name(field)).sendKeys(value);
        f.findElement(By.cssSelector("button")).click();
        browser.waitFor(By.id("item-" + code));
    }

    private static String state(Browser browser, String code) {
        return browser.driver().findElement(By.cssSelector("#item-" + code + " .chip[class*='s-']")).getText();
    }
}
