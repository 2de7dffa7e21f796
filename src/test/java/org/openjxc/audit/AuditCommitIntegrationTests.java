package org.openjxc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openjxc.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction's audit entries are written just before it commits — on PostgreSQL together with
 * the commit, in one round trip. Either way the entries and the transaction's other writes stand or
 * fall together, and the connection goes back to the pool fit for the next transaction.
 */
@IntegrationTest
class AuditCommitIntegrationTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void entriesCommitWithTheTransactionsOtherWrites() {
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 20; i++) {
            // More transactions than the pool has connections: each takes one a commit has ended.
            int n = i;
            transactions.executeWithoutResult(tx -> {
                otherWrite(key + "-other-" + n);
                audit.recordAs(1, null, "test", "TEST", "AuditCommit", key + "-" + n, null, n);
            });
        }
        assertThat(count(key + "-%")).isEqualTo(40);
        // The connections are back in the pool fit for work: a transaction that fails rolls back.
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    otherWrite(key + "-after");
                    throw new IllegalStateException("refused");
                }))
                .hasMessage("refused");
        assertThat(count(key + "-after")).isZero();
    }

    @Test
    void moreEntriesThanOneStatementTakesAreAllWritten() {
        // A bulk change records an entry per row: more than one statement's parameters can carry.
        String key = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 6_000; i++) {
                audit.recordAs(1, null, "test", "TEST", "AuditCommit", key + "-" + i, null, null);
            }
        });
        assertThat(count(key + "-%")).isEqualTo(6_000);
    }

    @Test
    void anEntryThatCannotBeWrittenRollsTheTransactionBack() {
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    otherWrite(key + "-other");
                    // audit_log.action holds 40 characters: the insert fails at commit time.
                    audit.recordAs(1, null, "test", "X".repeat(41), "AuditCommit", key, null, null);
                }))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(count(key + "%")).isZero();
        transactions.executeWithoutResult(tx -> otherWrite(key + "-next"));
        assertThat(count(key + "-next")).isEqualTo(1);
    }

    @Test
    void beforeCommitWorkAfterTheEntriesKeepsThemInTheSameTransaction() {
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    audit.recordAs(1, null, "test", "TEST", "AuditCommit", key, null, null);
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            otherWrite(key + "-late");
                            throw new IllegalStateException("late refusal");
                        }
                    });
                }))
                .hasMessage("late refusal");
        // Had the entries gone with an early commit, they would have stayed.
        assertThat(count(key + "%")).isZero();
    }

    /** A write of the transaction besides its audit entries (a row of the same table, told apart by its key). */
    private void otherWrite(String key) {
        jdbc.sql("insert into audit_log (company_id, occurred_at, action, entity_type, entity_key)"
                        + " values (1, current_timestamp, 'OTHER', 'AuditCommit', ?)")
                .param(key)
                .update();
    }

    private long count(String keyPattern) {
        return jdbc.sql("select count(*) from audit_log where entity_type = 'AuditCommit' and entity_key like ?")
                .param(keyPattern)
                .query(Long.class)
                .single();
    }
}
