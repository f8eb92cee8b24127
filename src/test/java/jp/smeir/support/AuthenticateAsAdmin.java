package jp.smeir.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * @QuarkusTest requests authenticate as the test admin unless a test says otherwise
 * ({@code given().auth().none()} or another user), so that wiring tests need not repeat credentials.
 */
public class AuthenticateAsAdmin implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-pass");
    }
}
