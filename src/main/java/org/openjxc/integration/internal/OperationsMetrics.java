package org.openjxc.integration.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.openjxc.document.DocumentPoster;
import org.openjxc.document.PostingDocument;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business metrics beside the HTTP ones: documents posted and unposted by type (counted once
 * committed), and the queues — webhook deliveries waiting, re-valuation jobs pending, forecasting
 * runs going.
 */
@Component
@Order(101)
class OperationsMetrics implements DocumentPoster {

    private final MeterRegistry meters;

    OperationsMetrics(MeterRegistry meters, WebhookRows webhooks, JdbcClient jdbc) {
        this.meters = meters;
        Gauge.builder("openjxc.queue", webhooks, WebhookRows::pending)
                .tag("queue", "webhook_deliveries")
                .description("Webhook deliveries waiting to be sent")
                .register(meters);
        Gauge.builder(
                        "openjxc.queue",
                        jdbc,
                        j -> count(j, "select count(*) from stock_revaluation where status = 'PENDING'"))
                .tag("queue", "revaluations")
                .description("Re-valuation jobs of back-dated postings waiting or running")
                .register(meters);
        Gauge.builder(
                        "openjxc.queue",
                        jdbc,
                        j -> count(j, "select count(*) from replenishment_run where status = 'RUNNING'"))
                .tag("queue", "forecast_runs")
                .description("Forecasting runs going")
                .register(meters);
    }

    private static double count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Override
    public void post(PostingDocument d) {
        countAfterCommit("openjxc.documents.posted", d);
    }

    @Override
    public void unpost(PostingDocument d) {
        countAfterCommit("openjxc.documents.unposted", d);
    }

    private void countAfterCommit(String name, PostingDocument d) {
        String type = d.type().name();
        int lines = d.lines().size();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter(name, "type", type).increment();
                meters.counter(name + ".lines", "type", type).increment(lines);
            }
        });
    }
}
