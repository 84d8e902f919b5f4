package dev.crossroads.testing;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/** Signs webhook bodies as GitHub does ({@code X-Hub-Signature-256}), with the test environment's secret. */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    public static String sign(String body) {
        return "sha256=" + new HmacUtils(HmacAlgorithms.HMAC_SHA_256, GitHubWireMockResource.WEBHOOK_SECRET)
                .hmacHex(body);
    }
}
