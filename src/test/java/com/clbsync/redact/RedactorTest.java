package com.clbsync.redact;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    private static final String AKID = "STS.NUgYrLnoC37mZZCNnAbez2Rgz";
    private static final String TOKEN = "CAIS8AF1q6Ft5B2yfSjIr5bkKtLRsepr";

    @Test
    void cutsAnEchoedStringToSignAndKeepsCodeStatusAndRequestId() {
        String sdk = "code: 400, Specified signature is not matched with our calculation. server string to sign is:GET&%2F&"
                + "AccessKeyId%3D" + AKID + "%26Action%3DDescribeVServerGroupAttribute%26SecurityToken%3D" + TOKEN
                + " request id: 5E2B-11 Response: {\"Code\":\"SignatureDoesNotMatch\"}";
        String r = Redactor.redact("DescribeVServerGroupAttribute failed: SignatureDoesNotMatch: " + sdk);
        assertThat(r).doesNotContain(AKID).doesNotContain(TOKEN)
                .startsWith("DescribeVServerGroupAttribute failed: SignatureDoesNotMatch: code: 400, Specified signature is not"
                        + " matched with our calculation. server [string to sign removed]");
    }

    @Test
    void masksKeyedCredentialsInPlainJsonAndUrlEncodedForm() {
        assertThat(Redactor.redact("GET /?AccessKeyId=" + AKID + "&SecurityToken=" + TOKEN + "&Signature=abc%2Bdef&Action=X"))
                .isEqualTo("GET /?AccessKeyId=***&SecurityToken=***&Signature=***&Action=X");
        assertThat(Redactor.redact("{\"AccessKeyId\":\"" + AKID + "\",\"Code\":\"Forbidden.RAM\"}"))
                .isEqualTo("{\"AccessKeyId\":\"***\",\"Code\":\"Forbidden.RAM\"}");
        assertThat(Redactor.redact("a=1%26AccessKeyId%3D" + AKID + "%26b")).doesNotContain(AKID);
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.x.y")).doesNotContain("eyJ");
        assertThat(Redactor.redact("proxy https://user:s3cret@proxy.example.com:8080/")).isEqualTo("proxy https://***@proxy.example.com:8080/");
    }

    @Test
    void leavesOrdinaryTextAndErrorCodesAlone() {
        String text = "InvalidAccessKeyId.NotFound on DescribeVServerGroups (HTTP 404, request id 7C1): Specified access key is"
                + " not found; SignatureDoesNotMatch; group rsp-1: added 2";
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void aWriterRedactsEverythingPrintedThroughIt() {
        StringWriter sink = new StringWriter();
        Redactor.writer(sink).println("SecurityToken=" + TOKEN);
        assertThat(sink.toString()).isEqualTo("SecurityToken=***" + System.lineSeparator());
    }
}
