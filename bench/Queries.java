import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query load: each read people make all day, timed over CALLS calls one after the other (p50 and
 * p95 in ms): the stock summary of one item in one warehouse, a page of the stock list, a page of
 * the item's stock card, and the stock balance of every item as of a date (40 dates over the last
 * three years, first page). Run with the JDK alone:
 * java bench/Queries.java URL TOKEN ITEM WAREHOUSE [CALLS]
 * Prints a table and one "BENCH" line; exits non-zero if any call does not answer 200.
 */
public class Queries {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String item = args[2];
        String warehouse = args[3];
        int calls = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        Map<String, List<String>> paths = new LinkedHashMap<>();
        paths.put("summary", List.of("/api/v1/stock/summary?item=" + item + "&warehouse=" + warehouse));
        paths.put("list", List.of("/api/v1/stock?warehouse=" + warehouse + "&size=50"));
        paths.put("card", List.of("/api/v1/stock/moves?item=" + item + "&warehouse=" + warehouse + "&size=50"));
        List<String> asOf = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            asOf.add("/api/v1/reports/stock-balance?size=50&date=" + LocalDate.now().minusDays(d * 27L));
        }
        paths.put("as-of", asOf);
        int failures = 0;
        StringBuilder bench = new StringBuilder("BENCH scenario=queries calls=" + calls);
        for (var e : paths.entrySet()) {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String path = e.getValue().get(i % e.getValue().size());
                long t0 = System.nanoTime();
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                millis.add((System.nanoTime() - t0) / 1_000_000);
                if (response.statusCode() != 200) {
                    failures++;
                    System.err.println(path + " answered " + response.statusCode() + ": " + response.body());
                }
            }
            System.out.printf("%-32s %d / %d%n", e.getKey() + " p50 / p95 (ms)", pct(millis, 50), pct(millis, 95));
            bench.append(' ').append(e.getKey().replace("-", "_")).append("_p95_ms=").append(pct(millis, 95));
        }
        System.out.printf("%-32s %d%n", "failed calls", failures);
        System.out.println(bench.append(" failures=").append(failures));
        if (failures > 0) {
            System.exit(1);
        }
    }

    static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
