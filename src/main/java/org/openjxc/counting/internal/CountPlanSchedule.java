package org.openjxc.counting.internal;

import java.time.LocalDate;
import java.util.List;
import org.openjxc.counting.CountPlans;
import org.openjxc.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every morning, due cycle-count plans become counts, so the warehouse finds today's list ready.
 * The job acts in the name of whoever made the company's first plan (so the audit log names a
 * person), with the whole company in scope.
 */
@Component
class CountPlanSchedule {

    private static final Logger log = LoggerFactory.getLogger(CountPlanSchedule.class);

    private record PlanActor(long userId, long companyId, String username) implements Actor {}

    private final PlanRows rows;
    private final CountPlans plans;
    private final JdbcClient jdbc;

    CountPlanSchedule(PlanRows rows, CountPlans plans, JdbcClient jdbc) {
        this.rows = rows;
        this.plans = plans;
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${openjxc.count-plans.cron:0 30 5 * * *}")
    void run() {
        LocalDate today = LocalDate.now();
        for (long[] due : rows.companiesDue(today)) {
            String username = jdbc.sql("select username from app_user where id = ?")
                    .param(due[1])
                    .query(String.class)
                    .single();
            Actor actor = new PlanActor(due[1], due[0], username);
            try {
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
                int made = plans.runDue(actor, today).size();
                log.info("count plans of company {}: {} counts made", due[0], made);
            } catch (RuntimeException e) {
                log.warn("count plans of company {} could not run: {}", due[0], e.getMessage());
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
