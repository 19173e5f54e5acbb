package io.sessionlens.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.account.AccountService;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.security.Role;
import io.sessionlens.review.persistence.ReviewAnswerRepository;
import io.sessionlens.review.persistence.ReviewItemRepository;
import io.sessionlens.review.persistence.ReviewQueueRepository;
import io.sessionlens.review.web.QueueApiTest;
import io.sessionlens.session.SessionService;
import io.sessionlens.session.VerdictService;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Http;
import io.sessionlens.support.TestUsers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An item's lock runs out: a reviewer who claimed an item and walked away holds it for the lock timeout (10 minutes),
 * then a colleague gets it. Eleven minutes later is a second service over the same database whose clock runs 11
 * minutes ahead: no sleeping.
 */
class QueueLockTimeoutTest extends AppTestBase {
    @Autowired SessionAnalysisWorker worker;
    @Autowired QueueService queues;
    @Autowired ReviewQueueRepository queueRows;
    @Autowired ReviewItemRepository itemRows;
    @Autowired ReviewAnswerRepository answerRows;
    @Autowired SessionService sessions;
    @Autowired VerdictService verdicts;
    @Autowired AccountService accounts;
    @Autowired AuditLog audit;
    @Autowired Clock clock;
    @Autowired io.sessionlens.annotation.AnnotationService annotations;
    @Autowired io.sessionlens.annotation.LabelSchemaService labelSchemas;
    @Autowired io.sessionlens.base.live.LiveUpdates live;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void a_lock_is_released_by_its_timeout_and_the_item_goes_to_the_next_reviewer() throws Exception {
        var http = new Http(baseUrl());
        QueueApiTest.sessions(http, worker, "exp-queue-lock", "0000000000000000000000c2", 1);
        TestUsers.ensure(baseUrl());
        String a = TestUsers.of(Role.ANALYST).username(), m = TestUsers.of(Role.MANAGER).username();
        ReviewQueue q = queues.create(new QueueService.NewQueue("Lock queue", Map.of("experiment", "exp-queue-lock"),
                List.of(), List.of(a, m), 1), m);

        Claim mine = queues.next(q.id(), a).orElseThrow();
        assertThat(mine.lockedUntil()).isBetween(clock.instant().plus(Duration.ofMinutes(9)),
                clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(queues.next(q.id(), m)).as("the only item is locked").isEmpty();

        var later = new QueueService(queueRows, itemRows, answerRows, sessions, verdicts, accounts, audit, annotations,
                labelSchemas, live, Clock.offset(clock, Duration.ofMinutes(11)), Duration.ofMinutes(10));
        var tx = new TransactionTemplate(transactions);   // a service made by hand has no transactional proxy
        Claim theirs = tx.execute(s -> later.next(q.id(), m)).orElseThrow();
        assertThat(theirs.itemId()).isEqualTo(mine.itemId());
        assertThat(queues.items(q.id()).getFirst().lockedBy()).isEqualTo(m);

        // and a submit releases it at once: nothing left, and the item is complete
        tx.execute(s -> later.answer(q.id(), theirs.itemId(), m, new QueueService.Answer(null, null, "fine",
                Map.of())));
        assertThat(queues.items(q.id()).getFirst().lockedBy()).isNull();
        assertThat(queues.get(q.id()).progress().complete()).isEqualTo(1);
        assertThat(queues.next(q.id(), a)).isEmpty();
    }
}
