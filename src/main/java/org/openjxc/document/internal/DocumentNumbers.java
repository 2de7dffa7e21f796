package org.openjxc.document.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.openjxc.document.DocumentType;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Document numbers per company, type and day ({@code QTRK-20260127-0001}), unique under
 * concurrency: the day's sequence row is created if absent and incremented, and the increment's
 * row lock orders concurrent callers.
 *
 * <p>On PostgreSQL each number is one statement on a connection of its own that commits by itself
 * and does not wait for the WAL flush, so the row is locked only while that statement runs — not
 * for round trips of a caller's transaction, which under load made every create of a type wait in
 * one queue. Nothing is lost by not flushing: the document that uses the number commits later and
 * synchronously, which flushes this commit too; without it the number was never used. A number
 * taken by a document that then fails is a gap, as it always was.
 *
 * <p>Elsewhere (the embedded H2) the number is taken in the caller's transaction, which should then
 * be a short one of its own: {@link #independent()} says which.
 */
@Component
public class DocumentNumbers implements DisposableBean {

    private final JdbcClient jdbc;
    private final HikariDataSource own;

    DocumentNumbers(DataSource dataSource, JdbcClient jdbc) {
        this.own = dataSource instanceof HikariDataSource main
                        && main.getJdbcUrl() != null
                        && main.getJdbcUrl().startsWith("jdbc:postgresql:")
                ? ownPool(main)
                : null;
        this.jdbc = own == null ? jdbc : JdbcClient.create(own);
    }

    private static HikariDataSource ownPool(HikariDataSource main) {
        HikariConfig config = new HikariConfig();
        main.copyStateTo(config);
        config.setPoolName("openjxc-numbers");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setRegisterMbeans(false);
        return new HikariDataSource(config);
    }

    /** Whether {@link #next} runs on its own connection, outside any transaction of the caller. */
    public boolean independent() {
        return own != null;
    }

    public String next(long companyId, DocumentType type, LocalDate day) {
        int n;
        if (own != null) {
            // The setting is local to the statement's own transaction (a session setting would
            // outlive it on a connection that PgBouncer hands to someone else).
            n = jdbc.sql("""
                            insert into doc_sequence (company_id, doc_type, seq_day, last_no)
                            select ?, ?, ?, 1 from (select set_config('synchronous_commit', 'off', true)) as async_commit
                            on conflict (company_id, doc_type, seq_day)
                            do update set last_no = doc_sequence.last_no + 1
                            returning last_no""")
                    .params(companyId, type.name(), day)
                    .query(Integer.class)
                    .single();
        } else {
            // H2 has no DO UPDATE … RETURNING.
            jdbc.sql("insert into doc_sequence (company_id, doc_type, seq_day, last_no) values (?, ?, ?, 0)"
                            + " on conflict do nothing")
                    .params(companyId, type.name(), day)
                    .update();
            jdbc.sql("update doc_sequence set last_no = last_no + 1"
                            + " where company_id = ? and doc_type = ? and seq_day = ?")
                    .params(companyId, type.name(), day)
                    .update();
            n = jdbc.sql("select last_no from doc_sequence where company_id = ? and doc_type = ? and seq_day = ?")
                    .params(companyId, type.name(), day)
                    .query(Integer.class)
                    .single();
        }
        return type.prefix() + "-" + day.toString().replace("-", "") + "-" + String.format("%04d", n);
    }

    @Override
    public void destroy() {
        if (own != null) {
            own.close();
        }
    }
}
