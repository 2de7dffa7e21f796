package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The document engine and the stock ledger through the API: DESIGN.md principles 1–5 and 8. */
@IntegrationTest
class InventoryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
    }

    @Test
    void inboundAndOutboundMoveStockAtMovingAverageCost() {
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 10, 5);
        f.inbound(wh, item, 1, 70, "unit", "box"); // 10 pcs at 7.00 each
        long out = f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 5)));

        var summary = f.summary(item, wh);
        assertThat(summary.get("onHand").decimalValue()).isEqualByComparingTo("15");
        assertThat(summary.get("available").decimalValue()).isEqualByComparingTo("15");
        assertThat(summary.get("value").decimalValue()).isEqualByComparingTo("90.00");
        var moves = f.api.get("/api/v1/stock/moves?item=" + item + "&warehouse=" + wh)
                .json()
                .get("items");
        assertThat(moves).hasSize(3);
        var outMove = moves.get(2);
        assertThat(outMove.get("document").asLong()).isEqualTo(out);
        assertThat(outMove.get("qty").decimalValue()).isEqualByComparingTo("-5");
        assertThat(outMove.get("unitCost").decimalValue()).isEqualByComparingTo("6");
        assertThat(outMove.get("value").decimalValue()).isEqualByComparingTo("-30.00");
        assertThat(outMove.get("balance").decimalValue()).isEqualByComparingTo("15");
        assertThat(outMove.get("documentNumber").asString()).startsWith("QTCK-");
        f.assertConsistent();
    }

    @Test
    void keepsFilesWithADocumentInAnyStatusAndServesThemOnlyAsDownloads() {
        String wh = f.warehouse();
        String item = f.item(false);
        long id = f.posted("OTHER_INBOUND", wh, null, List.of(line(item, 2, "price", 1)));
        byte[] pdf = "%PDF-1.4\n% delivery note\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        var attached = f.api.upload("/api/v1/documents/" + id + "/attachments", "送货单.pdf", pdf);
        assertThat(attached.status()).as(attached.text()).isEqualTo(201);
        long attachment = attached.json().get("id").asLong();
        assertThat(attached.json().get("contentType").asString()).isEqualTo("application/pdf");
        var listed = f.api.get("/api/v1/documents/" + id + "/attachments").json();
        assertThat(listed).hasSize(1);
        var download = f.api.get("/api/v1/documents/" + id + "/attachments/" + attachment);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.header("Content-Disposition"))
                .startsWith("attachment")
                .contains("UTF-8''");

        var html = f.api.upload(
                "/api/v1/documents/" + id + "/attachments", "x.pdf", "<html><script>1</script>".getBytes());
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.code()).isEqualTo("VALIDATION_FAILED");
        // Seeing a document is not changing it; a type one may not see at all does not exist for one.
        Api accountant = f.api.newUser("ACCOUNTANT");
        assertThat(accountant
                        .upload("/api/v1/documents/" + id + "/attachments", "a.pdf", pdf)
                        .status())
                .isEqualTo(403);
        Api clerk = f.api.newUser("SALES_CLERK");
        assertThat(clerk.upload("/api/v1/documents/" + id + "/attachments", "a.pdf", pdf)
                        .status())
                .isEqualTo(404);
        assertThat(f.api.get("/api/v1/documents/" + id + "/attachments").json()).hasSize(1);
        assertThat(f.api.get("/api/v1/audit-log?entity=Document&action=ATTACH")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        assertThat(f.api.delete("/api/v1/documents/" + id + "/attachments/" + attachment)
                        .status())
                .isEqualTo(204);
        assertThat(f.api.get("/api/v1/documents/" + id + "/attachments").json()).isEmpty();
        assertThat(f.api.get("/api/v1/documents/" + id + "/attachments/" + attachment)
                        .status())
                .isEqualTo(404);

        // A draft with an attachment can still be deleted; its files go with it.
        long draft = f.draft("OTHER_INBOUND", wh, null, List.of(line(item, 1, "price", 1)))
                .get("id")
                .asLong();
        f.api.upload("/api/v1/documents/" + draft + "/attachments", "a.pdf", pdf);
        assertThat(f.api.delete("/api/v1/documents/" + draft).status()).isEqualTo(204);
    }

    @Test
    void createsAndPostsInOneCallOrLeavesNothingBehind() {
        String wh = f.warehouse();
        String item = f.item(false);
        var in = f.api.post(
                "/api/v1/documents?post=true",
                Map.of("type", "OTHER_INBOUND", "warehouse", wh, "lines", List.of(line(item, 10, "price", 2))));
        assertThat(in.status()).as(in.text()).isEqualTo(201);
        assertThat(in.json().get("status").asString()).isEqualTo("POSTED");
        assertThat(in.json().get("postedBy").asString()).isNotBlank();
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("10");
        // Both writes are audited, in their order, with what was asked for.
        var entries = f.api.get("/api/v1/audit-log?entity=Document&key="
                        + in.json().get("number").asString() + "&sort=occurredAt,asc")
                .json()
                .get("items");
        assertThat(entries.valueStream().map(e -> e.get("action").asString())).containsExactly("CREATE", "POST");
        assertThat(entries.get(0).get("after").asString()).contains(item);
        long audited = f.api.get("/api/v1/audit-log?entity=Document")
                .json()
                .get("total")
                .asLong();

        long drafts = f.api.get("/api/v1/documents?type=OTHER_OUTBOUND")
                .json()
                .get("total")
                .asLong();
        var tooMuch = f.api.post(
                "/api/v1/documents?post=true",
                Map.of("type", "OTHER_OUTBOUND", "warehouse", wh, "lines", List.of(line(item, 11))));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(f.api.get("/api/v1/documents?type=OTHER_OUTBOUND")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(drafts);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("10");
        assertThat(f.api.get("/api/v1/audit-log?entity=Document")
                        .json()
                        .get("total")
                        .asLong())
                .as("a refused command leaves no audit entry")
                .isEqualTo(audited);

        // A user who may not create and post these gets 403 and nothing is written.
        Api buyer = f.api.newUser("BUYER");
        var refused = buyer.post(
                "/api/v1/documents?post=true",
                Map.of("type", "OTHER_INBOUND", "warehouse", wh, "lines", List.of(line(item, 1, "price", 2))));
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("10");
        f.assertConsistent();
    }

    @Test
    void emptyingAWarehouseLeavesNoValueBehind() {
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 3, 1);
        f.inbound(wh, item, 3, 2);
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 1)));
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 5)));
        assertThat(f.summary(item, wh).get("value").decimalValue()).isEqualByComparingTo("0");
        f.assertConsistent();
    }

    @Test
    void unpostingAReceiptAfterTheAverageMovedLeavesNoValueWithoutStock() {
        // Found by LedgerProperties: the receipt at 6 goes back out after the average became 6.50.
        String wh = f.warehouse("Z-01");
        String item = f.item(false);
        f.inbound(wh, item, 1, 7);
        long second = f.inbound(wh, item, 1, 6, "bin", "Z-01");
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 1)));
        expect(f.api.post("/api/v1/documents/" + second + "/unpost", Map.of()), 200);
        var s = f.summary(item, wh);
        assertThat(s.get("onHand").decimalValue()).isEqualByComparingTo("0");
        assertThat(s.get("value").decimalValue()).isEqualByComparingTo("0");
        f.assertConsistent();
    }

    @Test
    void showsWhatUnpostedDocumentsWouldMoveNextToTheStock() {
        String wh = f.warehouse();
        String other = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 10, 1);
        f.draft("OTHER_INBOUND", wh, null, List.of(line(item, 5, "price", 1)));
        f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 2)));
        f.draft("TRANSFER", wh, other, List.of(line(item, 3)));
        var s = f.summary(item, wh);
        assertThat(s.get("pendingIn").decimalValue()).isEqualByComparingTo("5");
        assertThat(s.get("pendingOut").decimalValue()).isEqualByComparingTo("5");
        assertThat(s.get("onHand").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void refusesOutboundBeyondStockNamingTheFactsAndChangesNothing() {
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 3, 2);
        long id = f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 5)))
                .get("id")
                .asLong();
        var r = f.post(id);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(r.json().get("item").asString()).isEqualTo(item);
        assertThat(r.json().get("warehouse").asString()).isEqualTo(wh);
        assertThat(r.json().get("needed").decimalValue()).isEqualByComparingTo("5");
        assertThat(r.json().get("available").decimalValue()).isEqualByComparingTo("3");
        assertThat(f.api.get("/api/v1/documents/" + id).json().get("status").asString())
                .isEqualTo("DRAFT");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("3");
        f.assertConsistent();
    }

    @Test
    void postingTwiceChangesStockOnce() {
        String wh = f.warehouse();
        String item = f.item(false);
        long id = f.draft("OTHER_INBOUND", wh, null, List.of(line(item, 4, "price", 1)))
                .get("id")
                .asLong();
        var first = f.post(id);
        var second = f.post(id);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("version").asInt())
                .isEqualTo(first.json().get("version").asInt());
        var replay = f.api.withHeader("Idempotency-Key", Api.unique("k"))
                .post("/api/v1/documents/" + id + "/post", Map.of());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("4");
    }

    @Test
    void refusesAStaleVersion() {
        String wh = f.warehouse();
        String item = f.item(false);
        var draft = f.draft("OTHER_INBOUND", wh, null, List.of(line(item, 4, "price", 1)));
        long id = draft.get("id").asLong();
        int version = draft.get("version").asInt();
        expect(
                f.api.put(
                        "/api/v1/documents/" + id,
                        Map.of(
                                "type",
                                "OTHER_INBOUND",
                                "warehouse",
                                wh,
                                "version",
                                version,
                                "lines",
                                List.of(line(item, 6, "price", 1)))),
                200);
        var stale = f.api.post("/api/v1/documents/" + id + "/post", Map.of("version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("0");
    }

    @Test
    void unpostCompensatesReturnsToDraftAndCanBePostedAgain() {
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 10, 2);
        // A draft is known never to have been posted (its posting need not look for earlier ones) until
        // it is posted; unposted, it is a draft that was.
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        java.util.function.LongPredicate neverPosted = id -> jdbc.sql("select never_posted from document where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
        long out = f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 4)))
                .get("id")
                .asLong();
        assertThat(neverPosted.test(out)).isTrue();
        expect(f.post(out), 200);
        assertThat(neverPosted.test(out)).isFalse();
        var unposted = expect(f.api.post("/api/v1/documents/" + out + "/unpost", Map.of()), 200)
                .json();
        assertThat(unposted.get("status").asString()).isEqualTo("DRAFT");
        assertThat(neverPosted.test(out)).isFalse();
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("10");
        var moves = f.api.get("/api/v1/stock/moves?item=" + item + "&warehouse=" + wh)
                .json()
                .get("items");
        assertThat(moves).hasSize(3);
        assertThat(moves.get(2).get("reversal").asBoolean()).isTrue();
        // The ledger keeps naming it, so the unposted draft cannot be deleted, only cancelled.
        var delete = f.api.delete("/api/v1/documents/" + out);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.code()).isEqualTo("INVALID_STATE");
        assertThat(f.api.get("/api/v1/documents/" + out).status()).isEqualTo(200);

        expect(
                f.api.put(
                        "/api/v1/documents/" + out,
                        Map.of("type", "OTHER_OUTBOUND", "warehouse", wh, "lines", List.of(line(item, 6)))),
                200);
        expect(f.post(out), 200);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("4");
        assertThat(f.api.get("/api/v1/audit-log?entity=Document&action=UNPOST")
                        .json()
                        .get("total")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
        f.assertConsistent();
    }

    @Test
    void refusesAnUnpostThatWouldMakeStockNegative() {
        String wh = f.warehouse();
        String item = f.item(false);
        long in = f.inbound(wh, item, 10, 2);
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 8)));
        var r = f.api.post("/api/v1/documents/" + in + "/unpost", Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(f.api.get("/api/v1/documents/" + in).json().get("status").asString())
                .isEqualTo("POSTED");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("2");
    }

    @Test
    void refusesToEditOrDeleteAPostedDocument() {
        String wh = f.warehouse();
        String item = f.item(false);
        long in = f.inbound(wh, item, 1, 1);
        assertThat(f.api.put(
                                "/api/v1/documents/" + in,
                                Map.of(
                                        "type",
                                        "OTHER_INBOUND",
                                        "warehouse",
                                        wh,
                                        "lines",
                                        List.of(line(item, 9, "price", 1))))
                        .code())
                .isEqualTo("INVALID_STATE");
        assertThat(f.api.delete("/api/v1/documents/" + in).code()).isEqualTo("INVALID_STATE");
        assertThat(f.api.post("/api/v1/documents/" + in + "/cancel", Map.of()).code())
                .isEqualTo("INVALID_STATE");
    }

    @Test
    void transfersHoldStockInTransitUntilReceivedInParts() {
        String from = f.warehouse();
        String to = f.warehouse("A-01");
        String item = f.item(false);
        f.inbound(from, item, 10, 3);
        long transfer = f.posted("TRANSFER", from, to, List.of(line(item, 6, "toBin", "A-01")));

        assertThat(f.onHand(item, from)).isEqualByComparingTo("4");
        var dest = f.summary(item, to);
        assertThat(dest.get("inTransit").decimalValue()).isEqualByComparingTo("6");
        assertThat(dest.get("available").decimalValue()).isEqualByComparingTo("0");
        assertThat(dest.get("value").decimalValue()).isEqualByComparingTo("18.00");

        var partial = f.api.post(
                "/api/v1/documents/" + transfer + "/receive", Map.of("lines", List.of(Map.of("line", 1, "qty", 2))));
        expect(partial, 200);
        assertThat(partial.json().get("fullyReceived").asBoolean()).isFalse();
        assertThat(f.available(item, to)).isEqualByComparingTo("2");
        var beyond = f.api.post(
                "/api/v1/documents/" + transfer + "/receive", Map.of("lines", List.of(Map.of("line", 1, "qty", 5))));
        assertThat(beyond.status()).isEqualTo(400);

        var rest = expect(f.api.post("/api/v1/documents/" + transfer + "/receive", Map.of()), 200)
                .json();
        assertThat(rest.get("fullyReceived").asBoolean()).isTrue();
        dest = f.summary(item, to);
        assertThat(dest.get("inTransit").decimalValue()).isEqualByComparingTo("0");
        assertThat(dest.get("available").decimalValue()).isEqualByComparingTo("6");
        assertThat(f.api.get("/api/v1/stock?item=" + item + "&warehouse=" + to).text())
                .contains("\"bin\":\"A-01\"");
        f.assertConsistent();

        // Unposting a received transfer undoes the receipt and the shipment.
        expect(f.api.post("/api/v1/documents/" + transfer + "/unpost", Map.of()), 200);
        assertThat(f.onHand(item, from)).isEqualByComparingTo("10");
        assertThat(f.onHand(item, to)).isEqualByComparingTo("0");
        f.assertConsistent();
    }

    @Test
    void stockInOtherPoolsAndNonCountingBinsIsOnHandButNotAvailable() {
        String wh = f.warehouse("A-01", "Z-01");
        String item = f.item(false);
        f.inbound(wh, item, 5, 1, "status", "QC");
        f.inbound(wh, item, 3, 1, "bin", "Z-01");
        f.inbound(wh, item, 2, 1, "bin", "A-01");
        var s = f.summary(item, wh);
        assertThat(s.get("onHand").decimalValue()).isEqualByComparingTo("10");
        assertThat(s.get("available").decimalValue()).isEqualByComparingTo("2");
        assertThat(s.get("notAvailable").decimalValue()).isEqualByComparingTo("8");

        long sell = f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 3)))
                .get("id")
                .asLong();
        assertThat(f.post(sell).code()).isEqualTo("INSUFFICIENT_STOCK");
        // Naming the near-expiry bin takes from it on purpose.
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 3, "bin", "Z-01")));
        // Inspection passed: QC → AVAILABLE.
        f.posted("STATUS_CHANGE", wh, null, List.of(line(item, 5, "fromStatus", "QC", "status", "AVAILABLE")));
        assertThat(f.available(item, wh)).isEqualByComparingTo("7");
        f.assertConsistent();
    }

    @Test
    void aBinThatStopsCountingTakesItsStockOutOfAvailable() {
        String wh = f.warehouse("A-01");
        String item = f.item(false);
        f.inbound(wh, item, 4, 1, "bin", "A-01");
        expect(
                f.api.put(
                        "/api/v1/warehouses/" + wh + "/bins/A-01", Map.of("code", "A-01", "countsAsAvailable", false)),
                200);
        assertThat(f.available(item, wh)).isEqualByComparingTo("0");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("4");
        f.assertConsistent();
    }

    @Test
    void picksTheBatchThatExpiresFirst() {
        String wh = f.warehouse();
        String item = f.item(true);
        f.inbound(wh, item, 5, 1, "batch", "LATE", "expiryDate", "2027-06-30");
        f.inbound(wh, item, 5, 1, "batch", "EARLY", "expiryDate", "2027-01-31");
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 7)));
        var positions = f.api.get("/api/v1/stock?item=" + item + "&warehouse=" + wh)
                .json()
                .get("items");
        assertThat(positions).hasSize(1);
        assertThat(positions.get(0).get("batch").asString()).isEqualTo("LATE");
        assertThat(positions.get(0).get("onHand").decimalValue()).isEqualByComparingTo("3");
        f.assertConsistent();
    }

    @Test
    void requiresABatchForBatchManagedItemsOnReceipt() {
        String wh = f.warehouse();
        String item = f.item(true);
        var r = f.api.post(
                "/api/v1/documents",
                Map.of("type", "OTHER_INBOUND", "warehouse", wh, "lines", List.of(line(item, 1, "price", 1))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].batch");
    }

    @Test
    void reportsBadLinesWithTheirPaths() {
        String wh = f.warehouse();
        String item = f.item(false);
        var r = f.api.post(
                "/api/v1/documents",
                Map.of(
                        "type",
                        "OTHER_OUTBOUND",
                        "warehouse",
                        wh,
                        "lines",
                        List.of(line(item, 1, "unit", "crate"), line("NO-SUCH", 1), line(item, 1, "bin", "X-99"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("lines[0].unit", "lines[1].item", "lines[2].bin");
        var negative = f.api.post(
                "/api/v1/documents",
                Map.of("type", "OTHER_OUTBOUND", "warehouse", wh, "lines", List.of(line(item, -1))));
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].qty");
        var unknownSource = f.api.post(
                "/api/v1/documents",
                Map.of(
                        "type",
                        "OTHER_OUTBOUND",
                        "warehouse",
                        wh,
                        "sourceDocument",
                        987654321,
                        "lines",
                        List.of(line(item, 1))));
        assertThat(unknownSource.json().get("errors").get(0).get("field").asString())
                .isEqualTo("sourceDocument");
        var noLines =
                f.api.post("/api/v1/documents", Map.of("type", "OTHER_OUTBOUND", "warehouse", wh, "lines", List.of()));
        assertThat(noLines.status()).isEqualTo(400);
        var badType = f.api.post("/api/v1/documents", Map.of("type", "TELEPORT", "warehouse", wh, "lines", List.of()));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.text()).contains("OTHER_INBOUND");
    }

    @Test
    void numbersDocumentsPerTypeAndDay() {
        String wh = f.warehouse();
        String item = f.item(false);
        var a = f.draft("OTHER_INBOUND", wh, null, List.of(line(item, 1, "price", 1)));
        var b = f.draft("OTHER_INBOUND", wh, null, List.of(line(item, 1, "price", 1)));
        String day = java.time.LocalDate.now().toString().replace("-", "");
        assertThat(a.get("number").asString()).isEqualTo("QTRK-" + day + "-0001");
        assertThat(b.get("number").asString()).isEqualTo("QTRK-" + day + "-0002");
    }

    @Test
    void holdsASuspectedDuplicateReceiptUntilReleased() {
        String wh = f.warehouse();
        String item = f.item(false);
        Api clerkA = f.api.newUser("WAREHOUSE_CLERK");
        Api clerkB = f.api.newUser("WAREHOUSE_CLERK");
        Api manager = f.api.newUser("STORE_MANAGER");
        var a = new StockFixture(clerkA).draft("OTHER_INBOUND", wh, null, List.of(line(item, 24, "price", 3)));
        expect(clerkA.post("/api/v1/documents/" + a.get("id").asLong() + "/submit", Map.of()), 200);
        var b = new StockFixture(clerkB).draft("OTHER_INBOUND", wh, null, List.of(line(item, 24, "price", 3)));
        long bid = b.get("id").asLong();
        var held = expect(clerkB.post("/api/v1/documents/" + bid + "/post", Map.of()), 200)
                .json();
        assertThat(held.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(held.get("holdReason").asString()).isEqualTo(a.get("number").asString());
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("0");

        assertThat(clerkB.post("/api/v1/documents/" + bid + "/release", Map.of())
                        .status())
                .isEqualTo(403);
        expect(manager.post("/api/v1/documents/" + bid + "/release", Map.of()), 200);
        expect(clerkB.post("/api/v1/documents/" + bid + "/post", Map.of()), 200);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("24");
    }

    @Test
    void approvalAndSegregationOfDutiesFollowTheSettings() {
        var settings = f.api.get("/api/v1/settings").json();
        assertThat(settings.get("allowNegativeStock").asBoolean()).isFalse();
        var requireApproval = new java.util.HashMap<String, Object>(Map.of("OTHER_OUTBOUND", true));
        expect(
                f.api.put(
                        "/api/v1/settings",
                        Map.of(
                                "allowNegativeStock",
                                false,
                                "postOnApprove",
                                true,
                                "reserveOnSalesOrder",
                                true,
                                "segregationOfDuties",
                                true,
                                "requireApproval",
                                requireApproval)),
                200);
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 5, 1);
        long out = f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 2)))
                .get("id")
                .asLong();
        assertThat(f.post(out).code()).isEqualTo("INVALID_STATE");
        long before = f.api.get("/api/v1/documents?type=OTHER_OUTBOUND")
                .json()
                .get("total")
                .asLong();
        var atOnce = f.api.post(
                "/api/v1/documents?post=true",
                Map.of("type", "OTHER_OUTBOUND", "warehouse", wh, "lines", List.of(line(item, 1))));
        assertThat(atOnce.code()).as(atOnce.text()).isEqualTo("INVALID_STATE");
        assertThat(f.api.get("/api/v1/documents?type=OTHER_OUTBOUND")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(before);
        expect(f.api.post("/api/v1/documents/" + out + "/submit", Map.of()), 200);
        var own = f.api.post("/api/v1/documents/" + out + "/approve", Map.of());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("SEGREGATION_OF_DUTIES");
        Api manager = f.api.newUser("STORE_MANAGER");
        var approved = expect(manager.post("/api/v1/documents/" + out + "/approve", Map.of()), 200)
                .json();
        assertThat(approved.get("status").asString()).isEqualTo("POSTED");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("3");
    }

    @Test
    void allowsNegativeStockOnlyWhenTheCompanySaysSo() {
        expect(
                f.api.put(
                        "/api/v1/settings",
                        Map.of(
                                "allowNegativeStock",
                                true,
                                "postOnApprove",
                                false,
                                "reserveOnSalesOrder",
                                true,
                                "segregationOfDuties",
                                true,
                                "requireApproval",
                                Map.of())),
                200);
        String wh = f.warehouse();
        String item = f.item(false);
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 2)));
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("-2");
        f.assertConsistent();
    }

    @Test
    void aClerkCannotUnpostAndOtherCompaniesDocumentsAreNotFound() {
        String wh = f.warehouse();
        String item = f.item(false);
        long in = f.inbound(wh, item, 1, 1);
        Api clerk = f.api.newUser("WAREHOUSE_CLERK");
        assertThat(clerk.post("/api/v1/documents/" + in + "/unpost", Map.of()).code())
                .isEqualTo("FORBIDDEN");
        Api stranger = Api.admin(port);
        assertThat(stranger.get("/api/v1/documents/" + in).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/documents/" + in + "/unpost", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void verifyNamesEveryDifferenceAndRecalculationRepairsIt() {
        String wh = f.warehouse("A-01");
        String item = f.item(false);
        f.inbound(wh, item, 7, 3, "bin", "A-01");
        // Someone edits the cached figures behind the system's back.
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long itemId = jdbc.sql("select id from item where code = ?")
                .param(item)
                .query(Long.class)
                .single();
        jdbc.sql("update stock_balance set on_hand = on_hand + 2 where item_id = ?")
                .param(itemId)
                .update();
        jdbc.sql("update stock_level set stock_value = stock_value - 1 where item_id = ?")
                .param(itemId)
                .update();

        var verification = f.api.get("/api/v1/stock/verify").json();
        assertThat(verification.get("consistent").asBoolean()).isFalse();
        var differences = verification.get("differences");
        assertThat(differences).hasSize(2);
        var position = differences.get(0);
        assertThat(position.get("kind").asString()).isEqualTo("POSITION");
        assertThat(position.get("item").asString()).isEqualTo(item);
        assertThat(position.get("warehouse").asString()).isEqualTo(wh);
        assertThat(position.get("bin").asString()).isEqualTo("A-01");
        assertThat(position.get("field").asString()).isEqualTo("onHand");
        assertThat(position.get("ledger").decimalValue()).isEqualByComparingTo("7");
        assertThat(position.get("cached").decimalValue()).isEqualByComparingTo("9");
        var total = differences.get(1);
        assertThat(total.get("kind").asString()).isEqualTo("TOTAL");
        assertThat(total.get("field").asString()).isEqualTo("value");
        assertThat(total.get("ledger").decimalValue()).isEqualByComparingTo("21");
        assertThat(total.get("cached").decimalValue()).isEqualByComparingTo("20");

        var repaired =
                expect(f.api.post("/api/v1/stock/recalculate", Map.of()), 200).json();
        assertThat(repaired.get("consistent").asBoolean()).isTrue();
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("7");
    }

    @Test
    void recalculationRebuildsExactlyWhatPostingKept() {
        String wh = f.warehouse("A-01", "Z-01");
        String other = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 7, 3, "bin", "A-01");
        f.inbound(wh, item, 2, 4, "bin", "Z-01");
        f.posted("TRANSFER", wh, other, List.of(line(item, 3)));
        var before = f.api.get("/api/v1/stock/summary?item=" + item + "&includeZero=true")
                .text();
        var result =
                expect(f.api.post("/api/v1/stock/recalculate", Map.of()), 200).json();
        assertThat(result.get("consistent").asBoolean()).isTrue();
        assertThat(f.api.get("/api/v1/stock/summary?item=" + item + "&includeZero=true")
                        .text())
                .isEqualTo(before);
    }
}
