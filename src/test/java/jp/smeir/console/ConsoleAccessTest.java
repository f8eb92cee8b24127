package jp.smeir.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;

/**
 * The console's log-in, cookies and CSRF, and that they leave the API as it was: a call without credentials is
 * still a 401 asking for Basic, and a console session does not authenticate an API call.
 */
@QuarkusTest
class ConsoleAccessTest {

    @Test
    void theRootLeadsToTheConsoleAndTheConsoleToItsLogIn() {
        given().auth().none().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/console"));
        given().auth().none().redirects().follow(false).get("/console/assess").then().statusCode(302)
                .header("Location", endsWith("/console/login"));
    }

    @Test
    void theApiStillAnswers401ToACallWithoutCredentialsAndItsDescriptionHasNoConsole() {
        given().auth().none().get("/api/v1/incidents").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"));
        given().auth().none().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/assessments"), not(containsString("/console")));
    }

    @Test
    void theConsolesCsrfCheckLeavesTheApiToItsOwnRules() {
        // a form body is not JSON (415), a POST without a body goes through (202), both as the API answers them
        given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/x-www-form-urlencoded")
                .formParam("awareAt", "2026-11-20T09:30:00+09:00").post("/api/v1/assessments")
                .then().statusCode(415).contentType("application/problem+json");
        String id = given().auth().preemptive().basic("admin", "admin-pass").contentType("application/json")
                .body("{\"url\": \"http://127.0.0.1:9/csrf\", \"secret\": \"0123456789abcdef\", \"eventTypes\": [\"incident.opened\"]}")
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        given().auth().preemptive().basic("admin", "admin-pass").post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202);
    }

    @Test
    void aSessionIsAnHttpOnlySameSiteCookieThatOpensTheConsoleOnly() {
        CookieFilter cookies = new CookieFilter();
        given().auth().none().filter(cookies).redirects().follow(false).formParam("j_username", "reporter")
                .formParam("j_password", "reporter-pass").post("/console/j_security_check")
                .then().statusCode(302).header("Set-Cookie", allOf(containsString("console-session="), containsStringIgnoringCase("HttpOnly"),
                        containsString("SameSite=Strict")));
        given().auth().none().filter(cookies).get("/console/assess").then().statusCode(200).body(containsString("<html lang=\"ja\">"));
        given().auth().none().filter(cookies).get("/console/assess?lang=en").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).cookie("console-lang", "en");
        given().auth().none().filter(cookies).get("/api/v1/incidents").then().statusCode(401);
    }

    @Test
    void aReporterMayNotOpenScenariosOrRulesAndEveryFormNeedsItsToken() {
        CookieFilter cookies = new CookieFilter();
        given().auth().none().filter(cookies).redirects().follow(false).formParam("j_username", "reporter")
                .formParam("j_password", "reporter-pass").post("/console/j_security_check").then().statusCode(302);
        given().auth().none().filter(cookies).get("/console/scenarios").then().statusCode(403);
        given().auth().none().filter(cookies).get("/console/rules").then().statusCode(403);
        given().auth().none().filter(cookies).get("/console/assess").then().statusCode(200);
        given().auth().none().filter(cookies).formParam("awareAt", "2026-11-20T09:30").post("/console/assess").then().statusCode(400);
    }

    @Test
    void aRefusedFormSaysWhichFactAndKeepsWhatWasTyped() {
        CookieFilter cookies = new CookieFilter();
        given().auth().none().filter(cookies).redirects().follow(false).formParam("j_username", "reporter")
                .formParam("j_password", "reporter-pass").post("/console/j_security_check").then().statusCode(302);
        String page = given().auth().none().filter(cookies).get("/console/assess").then().statusCode(200).extract().asString();
        String token = page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        given().auth().none().filter(cookies).formParam("csrf-token", token).formParam("awareAt", "2026-11-20T09:30")
                .formParam("title", "USB stick lost").formParam("personalData.affectedPersons", "12x").post("/console/assess")
                .then().statusCode(200)
                .body(containsString("「影響を受けた本人の数」を確認してください"))
                .body(containsString("value=\"USB stick lost\""))
                .body(containsString("value=\"12x\""));
    }

    @Test
    void aWrongPasswordReturnsToTheLogInPageWithAnError() {
        given().auth().none().redirects().follow(false).formParam("j_username", "reporter").formParam("j_password", "wrong")
                .post("/console/j_security_check").then().statusCode(303).header("Location", endsWith("/console/login?error=true"));
    }
}
