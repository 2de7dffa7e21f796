package org.openjxc.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Closing months: what it checks, what it keeps, and that closed months cannot change. */
@IntegrationTest
class PeriodIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;
    String wh;
    String item;
    /** Two and three months ago: both over, whatever today is. */
    YearMonth older = YearMonth.now().minusMonths(3);

    YearMonth old = YearMonth.now().minusMonths(2);

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
        wh = f.warehouse();
        item = f.item(false);
    }

    long draft(String type, LocalDate date, int qty, String price) {
        var body = new LinkedHashMap<String, Object>(Map.of(
                "type",
                type,
                "warehouse",
                wh,
                "date",
                date.toString(),
                "lines",
                List.of(line(item, qty, "price", price))));
        return expect(f.api.post("/api/v1/documents", body), 201)
                .json()
                .get("id")
                .asLong();
    }

    long posted(String type, LocalDate date, int qty, String price) {
        long id = draft(type, date, qty, price);
        expect(f.post(id), 200);
        return id;
    }

    /** "qty/value" of the item in the warehouse at the end of {@code date}, from the stock-balance report. */
    String balanceAt(LocalDate date) {
        var items = expect(f.api.get("/api/v1/reports/stock-balance?date=" + date + "&item=" + item), 200)
                .json()
                .get("items");
        return items.isEmpty()
                ? "0/0"
                : items.get(0).get("qty").decimalValue().stripTrailingZeros().toPlainString() + "/"
                        + items.get(0)
                                .get("value")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString();
    }

    /** "opening qty/value in qty/value out qty/value closing qty/value" from the in/out summary. */
    String inOut(LocalDate from, LocalDate to) {
        var r = expect(f.api.get("/api/v1/reports/in-out-summary?from=" + from + "&to=" + to + "&item=" + item), 200)
                .json()
                .get("items")
                .get(0);
        return String.join(
                " ",
                java.util.stream.Stream.of("opening", "in", "out", "closing")
                        .map(k -> r.get(k + "Qty")
                                        .decimalValue()
                                        .stripTrailingZeros()
                                        .toPlainString() + "/"
                                + r.get(k + "Value")
                                        .decimalValue()
                                        .stripTrailingZeros()
                                        .toPlainString())
                        .toList());
    }

    Api.Response close(YearMonth month) {
        return f.api.post("/api/v1/periods/" + month + "/close", Map.of());
    }

    @Test
    void aClosedMonthKeepsItsStockAndRefusesPostingAndUnpostingIntoIt() {
        posted("OTHER_INBOUND", older.atDay(10), 10, "3");
        long issue = posted("OTHER_OUTBOUND", older.atDay(20), 4, "0");
        long forgotten = draft("OTHER_INBOUND", older.atDay(25), 1, "3");

        // An unfinished document of the month stops the close, by number.
        var refused = expect(close(older), 409);
        assertThat(refused.code()).isEqualTo("INVALID_STATE");
        String number =
                f.api.get("/api/v1/documents/" + forgotten).json().get("number").asString();
        assertThat(refused.text()).contains(number);
        expect(f.api.delete("/api/v1/documents/" + forgotten), 204);

        var closed = expect(close(older), 200).json();
        assertThat(closed.get("stockValue").decimalValue()).isEqualByComparingTo("18");
        assertThat(closed.get("inventoryAccount").decimalValue()).isEqualByComparingTo("18");
        assertThat(closed.get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(f.api.get("/api/v1/periods").json().get("closedThrough").asString())
                .isEqualTo(older.atEndOfMonth().toString());

        // Nothing dated in it posts or unposts any more, and nothing changes trying.
        long late = draft("OTHER_INBOUND", older.atDay(28), 5, "3");
        var post = expect(f.post(late), 409);
        assertThat(post.code()).isEqualTo("PERIOD_CLOSED");
        var unpost = expect(f.api.post("/api/v1/documents/" + issue + "/unpost", Map.of()), 409);
        assertThat(unpost.code()).isEqualTo("PERIOD_CLOSED");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("6");
        assertThat(f.api.get("/api/v1/documents/" + issue).json().get("status").asString())
                .isEqualTo("POSTED");
        // Later dates are open.
        posted("OTHER_INBOUND", old.atDay(5), 5, "4");
        expect(f.api.delete("/api/v1/documents/" + late), 204);

        // Months close in order and only once.
        assertThat(expect(close(old.plusMonths(1)), 409).text()).contains(old.toString());
        expect(close(older), 409);
        var next = expect(close(old), 200).json();
        assertThat(next.get("stockValue").decimalValue()).isEqualByComparingTo("38");
        // Balances as of any day agree whether they start from a month-end snapshot or not.
        assertThat(balanceAt(older.atDay(15))).isEqualTo("10/30");
        assertThat(balanceAt(older.atEndOfMonth())).isEqualTo("6/18");
        assertThat(balanceAt(old.atDay(4))).isEqualTo("6/18");
        assertThat(balanceAt(old.atEndOfMonth())).isEqualTo("11/38");
        assertThat(balanceAt(LocalDate.now())).isEqualTo("11/38");
        // So does the in/out summary's opening: before any snapshot, from one, and from one plus days.
        assertThat(inOut(older.atDay(15), old.atDay(4))).isEqualTo("10/30 0/0 4/12 6/18");
        assertThat(inOut(old.atDay(1), old.atEndOfMonth())).isEqualTo("6/18 5/20 0/0 11/38");
        assertThat(inOut(old.atDay(5), LocalDate.now())).isEqualTo("6/18 5/20 0/0 11/38");

        // Only the latest closed month reopens; then its dates are open again.
        expect(f.api.post("/api/v1/periods/" + older + "/reopen", Map.of()), 409);
        expect(f.api.post("/api/v1/periods/" + old + "/reopen", Map.of()), 200);
        posted("OTHER_OUTBOUND", old.atDay(20), 1, "0");
        var again = expect(close(old), 200).json();
        // 11 units worth 38 at moving average: one leaves at 3.45.
        assertThat(again.get("stockValue").decimalValue()).isEqualByComparingTo("34.55");
        assertThat(again.get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(balanceAt(old.atEndOfMonth())).isEqualTo("10/34.55");
        assertThat(balanceAt(old.atDay(19))).isEqualTo("11/38");
    }

    @Test
    void aMonthThatHasNotEndedCannotCloseAndAMalformedOneIsRefused() {
        assertThat(expect(close(YearMonth.now()), 409).text())
                .contains(YearMonth.now().toString());
        var bad = expect(f.api.post("/api/v1/periods/2026-13/close", Map.of()), 400);
        assertThat(bad.text()).contains("month");
    }

    @Test
    void thePeriodsPageClosesTheNextMonthAndReopensTheLatest() {
        posted("OTHER_INBOUND", older.atDay(10), 10, "3");
        String admin = f.api.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, admin, Api.ADMIN_PASSWORD);
        assertThat(web.page("/periods")).contains("期间结账").contains("尚未结账");

        var response = web.form("/periods", "/periods/close", Map.of("month", older.toString()));
        assertThat(response.statusCode()).isEqualTo(302);
        String page = web.page("/periods");
        assertThat(page)
                .contains(older + " 已结账")
                .contains("已结账至 " + older.atEndOfMonth())
                .contains("30.00");

        // A refusal comes back as a message on the page, and nothing is closed.
        web.form("/periods", "/periods/close", Map.of("month", YearMonth.now().toString()));
        assertThat(web.page("/periods")).contains("尚未结束");
        assertThat(f.api.get("/api/v1/periods").json().get("closed")).hasSize(1);

        web.form("/periods", "/periods/reopen", Map.of("month", older.toString()));
        assertThat(web.page("/periods")).contains(older + " 已反结账").contains("尚未结账");
    }

    @Test
    void onlyThoseWhoMayManagePeriodsCloseThem() {
        var clerk = f.api.newUser("WAREHOUSE_CLERK");
        assertThat(clerk.post("/api/v1/periods/" + older + "/close", Map.of()).status())
                .isEqualTo(403);
        assertThat(f.api.newUser("ACCOUNTANT").get("/api/v1/periods").status()).isEqualTo(200);
    }
}
