package dev.crossroads.api.graphql;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.crossroads.testing.GraphQLRequests;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without crossroads.admin.token, admin operations are refused with a clear error, never run. */
@QuarkusTest
class AdminDisabledTests {

    @Test
    void triggerSyncIsDisabledWithoutAnAdminToken() {
        GraphQLRequests.post("triggerSync", Map.of())
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("ADMIN_DISABLED"))
                .body("errors[0].message", containsString("CROSSROADS_ADMIN_TOKEN"));
    }
}
