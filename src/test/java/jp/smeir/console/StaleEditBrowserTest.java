package jp.smeir.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two people on one incident: while a reporter edits the facts in the browser, someone else changes the incident
 * through the API. The reporter's save is refused and explained, the input is still in the form, and saving again
 * after reading the explanation goes through; the incident list, filtered, shows it overdue.
 */
@QuarkusTest
class StaleEditBrowserTest {

    @TestHTTPResource("/")
    URL application;

    @Test
    void aStaleEditIsRefusedExplainedAndKept() {
        String id = given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/json")
                .body("{\"title\": \"誤送信\", \"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": [\"MISDELIVERY\"],"
                        + " \"personalData\": {\"breach\": \"CONFIRMED\", \"affectedPersons\": 3}}")
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        try (Browser browser = Browser.open(application)) {
            browser.logIn("reporter", "reporter-pass");
            browser.go("/console/incident?id=" + id);
            WebElement title = browser.waitFor(By.id("f-title"));
            title.clear();
            title.sendKeys("取引先へのメール誤送信");

            given().auth().preemptive().basic("analyst", "analyst-pass").contentType("application/json")
                    .body("{\"assignee\": \"suzuki\"}").put("/api/v1/incidents/" + id + "/items/DATA_SUBJECT_NOTICE/assignee")
                    .then().statusCode(200);

            browser.driver().findElement(By.cssSelector("#facts button.primary")).click();
            WebElement stale = browser.waitFor(By.id("stale"));
            assertThat(stale.getText()).contains("ほかの人が先にこのインシデントを更新しました").contains("件名");
            assertThat(browser.driver().findElement(By.id("f-title")).getAttribute("value")).isEqualTo("取引先へのメール誤送信");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("誤送信");
            browser.screenshot("stale-edit");

            browser.driver().findElement(By.cssSelector("#facts button.primary")).click();
            browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("取引先へのメール誤送信"));
            assertThat(browser.all(By.id("stale"))).isEmpty();

            // in the list, filtered as the API filters: the misdelivery of 20 November is overdue
            browser.go("/console/incidents?overdue=true&type=MISDELIVERY");
            String list = browser.waitFor(By.cssSelector("main table")).getText();
            assertThat(list).contains("取引先へのメール誤送信").contains("期限超過あり").contains("対応中");
            browser.screenshot("incidents");
        }
    }
}
