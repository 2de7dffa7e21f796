package org.openjxc.document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openjxc.attachment.AttachmentFile;
import org.openjxc.attachment.AttachmentOwner;
import org.openjxc.attachment.AttachmentView;
import org.openjxc.attachment.Attachments;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.ItemType;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.Items;
import org.openjxc.catalog.UnitView;
import org.openjxc.catalog.Units;
import org.openjxc.document.internal.DocumentNumbers;
import org.openjxc.document.internal.DocumentRows;
import org.openjxc.document.internal.DocumentRows.Locked;
import org.openjxc.document.internal.DocumentRows.NewLine;
import org.openjxc.organization.BinView;
import org.openjxc.organization.WarehouseView;
import org.openjxc.organization.Warehouses;
import org.openjxc.partner.PartnerType;
import org.openjxc.partner.PartnerView;
import org.openjxc.partner.Partners;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.Rounding;
import org.openjxc.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document engine. Every transition locks the document row, checks the state, the version
 * and the actor's permission, and is written with its audit entry in one transaction; posting
 * hands the document to the {@link DocumentPoster}s in that same transaction.
 */
@Service
public class Documents {

    /** An inbound document of the same items by someone else within this window is held as a suspected duplicate. */
    static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

    private static final String ENTITY = "Document";

    /** The types whose lines may name a kit or recipe item (组合商品), exploded into components when posted. */
    private static final java.util.Set<DocumentType> SOLD_AS_KITS = java.util.EnumSet.of(
            DocumentType.SALES_ORDER,
            DocumentType.SALES_DELIVERY,
            DocumentType.SALES_RETURN,
            DocumentType.SALES_INVOICE);

    private final DocumentRows rows;
    private final DocumentNumbers numbers;
    private final Items items;
    private final Units units;
    private final Warehouses warehouses;
    private final Partners partners;
    private final Settings settings;
    private final List<DocumentPoster> posters;
    private final List<PostingPreparer> preparers;
    private final AuditLog audit;
    private final Attachments attachments;
    private final Promotions promotions;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    Documents(
            DocumentRows rows,
            DocumentNumbers numbers,
            Items items,
            Units units,
            Warehouses warehouses,
            Partners partners,
            Settings settings,
            List<DocumentPoster> posters,
            List<PostingPreparer> preparers,
            AuditLog audit,
            org.springframework.transaction.support.TransactionTemplate transactions,
            Attachments attachments,
            Promotions promotions) {
        this.promotions = promotions;
        this.attachments = attachments;
        this.transactions = transactions;
        this.rows = rows;
        this.numbers = numbers;
        this.items = items;
        this.units = units;
        this.warehouses = warehouses;
        this.partners = partners;
        this.settings = settings;
        this.posters = posters;
        this.preparers = preparers;
        this.audit = audit;
    }

    // --- drafts ---------------------------------------------------------------------------------

    /**
     * Creates a draft. The command is checked before its number is taken, so a refused command
     * leaves no gap in the numbers; a create that fails after that does.
     */
    public DocumentView create(Actor actor, DocumentCommand command) {
        return create(actor, command, false);
    }

    /**
     * Creates a draft and, with {@code post}, posts it in the same transaction: an integration
     * (a till, a web shop) gets a posted document or, if anything is refused, nothing at all — no
     * orphan draft to clean up. Posting at once needs the post permission and a type that needs no
     * approval; a suspected duplicate is created on hold, as a post would leave it.
     */
    public DocumentView create(Actor actor, DocumentCommand original, boolean post) {
        require(original.type(), "CREATE");
        DocumentCommand command = withPromotions(actor, original);
        if (post) {
            require(command.type(), "POST");
        }
        LocalDate date = command.date() == null ? LocalDate.now() : command.date();
        if (numbers.independent()) {
            // The number comes from a connection of its own and locks nothing of this transaction.
            return retryingDeadlocks(() -> transactions.execute(tx -> {
                Resolved r = resolve(actor, command);
                requireAt(actor, command, post, r);
                return insert(actor, command, post, date, r, numbers.next(actor.companyId(), command.type(), date));
            }));
        }
        // Otherwise the number's row lock would be held to the commit: checks and number in a short
        // transaction first, the document in a second.
        record Prepared(Resolved resolved, String number) {}
        Prepared prepared = transactions.execute(tx -> {
            Resolved resolved = resolve(actor, command);
            return new Prepared(resolved, numbers.next(actor.companyId(), command.type(), date));
        });
        requireAt(actor, command, post, prepared.resolved());
        return retryingDeadlocks(() ->
                transactions.execute(tx -> insert(actor, command, post, date, prepared.resolved(), prepared.number())));
    }

    /**
     * Runs a whole transaction again when the database chose it as a deadlock's victim or gave up
     * waiting for a lock (its work was rolled back, nothing changed): the user gets the document,
     * not the database's quarrel. Postings lock in one order, so on PostgreSQL this is a safety net;
     * H2 can still pick a victim when first postings of new items create their totals at once.
     */
    private static DocumentView retryingDeadlocks(java.util.function.Supplier<DocumentView> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(
                            java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 50));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void requireAt(Actor actor, DocumentCommand command, boolean post, Resolved r) {
        requireAt(actor, command.type(), "CREATE", r.warehouseId());
        if (post) {
            requireAt(actor, command.type(), "POST", r.warehouseId());
        }
    }

    private DocumentView insert(
            Actor actor, DocumentCommand command, boolean post, LocalDate date, Resolved r, String number) {
        // Posted at once and never held (the suspected-duplicate rule looks at inbound documents
        // only): the row is written as posted, not written and then changed.
        boolean posted = post
                && command.type().direction() != DocumentType.Direction.INBOUND
                && !r.settings().requiresApproval(command.type());
        OffsetDateTime now = OffsetDateTime.now();
        // A draft with nothing more to write is read back for the answer with its insert.
        boolean readBack = !post && command.expectedDate() == null && command.type() != DocumentType.LANDED_COST;
        DocumentRows.Inserted inserted = rows.insert(
                actor.companyId(),
                command.type(),
                number,
                date,
                r.warehouseId(),
                r.toWarehouseId(),
                r.partnerId(),
                command.sourceDocument(),
                Text.trimToNull(command.remark()),
                actor.userId(),
                now,
                posted,
                r.lines(),
                readBack ? new DocumentRows.ReadBack(actor.scope(), permitted("VIEW")) : null);
        long id = inserted.id();
        if (command.expectedDate() != null) {
            rows.setExpectedDate(actor.companyId(), id, command.expectedDate());
        }
        if (command.type() == DocumentType.LANDED_COST) {
            rows.setAllocationBasis(actor.companyId(), id, allocation(command));
        }
        if (!post) {
            DocumentView created = readBack
                    ? inserted.view().orElseThrow(() -> BusinessException.notFound(ENTITY, id))
                    : fresh(actor, id);
            audit.record("CREATE", ENTITY, number, null, created);
            return created;
        }
        // Created to be posted at once: the entry says what was asked for, and the document is
        // read once, as posted, for the answer.
        audit.record("CREATE", ENTITY, number, null, new CreatedToPost(id, number, command));
        Locked doc = new Locked(
                id,
                command.type(),
                DocumentStatus.DRAFT,
                1,
                actor.userId(),
                r.warehouseId(),
                r.toWarehouseId(),
                number,
                command.sourceDocument(),
                false,
                date,
                r.partnerId(),
                true);
        CompanySettings s = r.settings();
        if (s.requiresApproval(doc.type())) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.document.needsApproval", number, doc.type());
        }
        if (postFromDraft(actor, doc, s, DocumentRows.postingLines(r.lines())) && !posted) {
            return stampedPosted(actor, id, false);
        }
        return fresh(actor, id);
    }

    /** The audit entry of a document created and posted in one call. */
    private record CreatedToPost(long id, String number, DocumentCommand command) {}

    /** A document created in this transaction: nothing follows it yet, so its open quantities are its own. */
    private DocumentView fresh(Actor actor, long id) {
        return rows.find(actor.companyId(), id, actor.scope(), permitted("VIEW"), false)
                .orElseThrow(() -> BusinessException.notFound(ENTITY, id));
    }

    @Transactional
    public DocumentView update(Actor actor, long id, DocumentCommand command) {
        Locked doc = lock(actor, id);
        require(actor, doc, "EDIT");
        if (command.type() != doc.type()) {
            throw BusinessException.invalid("type", "error.document.typeFixed", doc.type());
        }
        expect(doc, command.version(), DocumentStatus.DRAFT);
        DocumentView before = get(actor, id);
        Resolved r = resolve(actor, command);
        rows.updateHeader(
                actor.companyId(),
                id,
                command.date() == null ? before.date() : command.date(),
                r.warehouseId(),
                r.toWarehouseId(),
                r.partnerId(),
                command.sourceDocument(),
                Text.trimToNull(command.remark()));
        rows.replaceLines(actor.companyId(), id, r.lines());
        rows.setExpectedDate(actor.companyId(), id, command.expectedDate());
        if (command.type() == DocumentType.LANDED_COST) {
            rows.setAllocationBasis(actor.companyId(), id, allocation(command));
        }
        rows.clearScans(actor.companyId(), id);
        DocumentView after = get(actor, id);
        audit.record("UPDATE", ENTITY, doc.number(), before, after);
        return after;
    }

    /** Deletes a draft. Anything further along is cancelled or unposted instead, never deleted. */
    @Transactional
    public void delete(Actor actor, long id, Integer version) {
        Locked doc = lock(actor, id);
        require(actor, doc, "DELETE");
        expect(doc, version, DocumentStatus.DRAFT);
        if (rows.hasLedgerMoves(actor.companyId(), id)) {
            // Its moves and their reversals stay in the ledger, which must keep naming it.
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.document.hasLedger", doc.number());
        }
        DocumentView before = get(actor, id);
        attachments.deleteAll(actor.companyId(), AttachmentOwner.DOCUMENT, id);
        rows.clearScans(actor.companyId(), id);
        rows.delete(actor.companyId(), id);
        audit.record("DELETE", ENTITY, doc.number(), before, null);
    }

    // --- attachments ------------------------------------------------------------------------------

    /**
     * Attaches a file (the supplier's delivery note, a signed receipt) in any status: paper often
     * arrives after posting, and a file changes no quantity. Whoever may create the type may attach.
     */
    @Transactional
    public AttachmentView attach(Actor actor, long id, String fileName, byte[] content) {
        Locked doc = lock(actor, id);
        require(actor, doc, "EDIT");
        return attachments.store(actor, AttachmentOwner.DOCUMENT, id, ENTITY, doc.number(), fileName, content);
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> attachments(Actor actor, long id) {
        return attachments.list(
                actor.companyId(), AttachmentOwner.DOCUMENT, get(actor, id).id());
    }

    @Transactional(readOnly = true)
    public AttachmentFile attachment(Actor actor, long id, long attachmentId) {
        return attachments.file(
                actor.companyId(), AttachmentOwner.DOCUMENT, get(actor, id).id(), attachmentId);
    }

    @Transactional
    public void detach(Actor actor, long id, long attachmentId) {
        Locked doc = lock(actor, id);
        require(actor, doc, "EDIT");
        attachments.delete(actor, AttachmentOwner.DOCUMENT, id, ENTITY, doc.number(), attachmentId);
    }

    // --- lifecycle --------------------------------------------------------------------------------

    @Transactional
    public DocumentView submit(Actor actor, long id, Integer version) {
        Locked doc = lock(actor, id);
        require(actor, doc, "SUBMIT");
        expect(doc, version, DocumentStatus.DRAFT);
        submitLocked(actor, doc);
        return get(actor, id);
    }

    @Transactional
    public DocumentView approve(Actor actor, long id, Integer version) {
        Locked doc = lock(actor, id);
        require(actor, doc, "APPROVE");
        expect(doc, version, DocumentStatus.SUBMITTED);
        CompanySettings s = settings.get(actor.companyId());
        if (s.segregationOfDuties() && doc.createdBy() == actor.userId()) {
            throw new BusinessException(ErrorCode.SEGREGATION_OF_DUTIES, "error.document.ownApproval", doc.number());
        }
        rows.transition(actor.companyId(), id, DocumentStatus.APPROVED, actor.userId(), OffsetDateTime.now(), null);
        audit.record("APPROVE", ENTITY, doc.number(), doc.status(), DocumentStatus.APPROVED);
        if (s.postOnApprove()) {
            postLocked(actor, lock(actor, id), s, null);
        }
        return get(actor, id);
    }

    /**
     * Posts the document. Posting a posted document changes nothing and answers it as it is, so
     * a double click or a retry is harmless. A type that needs no approval posts from draft or
     * submitted; submitting on the way may put it on hold as a suspected duplicate, and then it
     * stays on hold, unposted.
     */
    @Transactional
    public DocumentView post(Actor actor, long id, Integer version) {
        DocumentRows.ToPost toPost = lockToPost(actor, id);
        Locked doc = toPost.document();
        require(actor, doc, "POST");
        if (doc.status() == DocumentStatus.POSTED) {
            return get(actor, id);
        }
        CompanySettings s = toPost.settings() != null ? toPost.settings() : settings.get(actor.companyId());
        boolean direct = !s.requiresApproval(doc.type())
                && (doc.status() == DocumentStatus.DRAFT || doc.status() == DocumentStatus.SUBMITTED);
        if (!direct) {
            expect(doc, version, DocumentStatus.APPROVED);
            if (s.segregationOfDuties() && doc.createdBy() == actor.userId()) {
                // Where a type needs approval, a second person both approves and posts it.
                throw new BusinessException(ErrorCode.SEGREGATION_OF_DUTIES, "error.document.ownPosting", doc.number());
            }
        } else if (version != null && version != doc.version()) {
            throw stale(doc);
        }
        if (doc.status() != DocumentStatus.DRAFT) {
            postLocked(actor, doc, s, toPost.lines());
        } else if (postFromDraft(actor, doc, s, toPost.lines())) {
            return stampedPosted(actor, id, true);
        }
        return get(actor, id);
    }

    /**
     * A draft just posted, stamped as posted and read back for the answer at once; {@code followed}
     * false for one created in this transaction, which nothing can follow yet.
     */
    private DocumentView stampedPosted(Actor actor, long id, boolean followed) {
        return rows.postDirectlyAndFind(
                        actor.companyId(),
                        id,
                        actor.userId(),
                        OffsetDateTime.now(),
                        actor.scope(),
                        permitted("VIEW"),
                        followed)
                .orElseThrow(() -> BusinessException.notFound(ENTITY, id));
    }

    /**
     * Posts a draft straight away: submitted and posted in one step, unless the suspected-duplicate
     * rule holds it, in which case it stays on hold, unposted, and the answer is false. The caller
     * stamps the row as posted ({@link #stampedPosted}) unless it was inserted so.
     */
    private boolean postFromDraft(Actor actor, Locked doc, CompanySettings s, List<PostingLine> lines) {
        Optional<String> similar = suspectedDuplicate(actor, doc);
        if (similar.isPresent()) {
            hold(actor, doc, similar.get());
            return false;
        }
        PostingDocument posting = posting(actor, doc, s, lines);
        checkOpenQuantities(actor, doc, posting, s);
        checkScanned(actor, doc, posting, s);
        PostingDocument prepared = prepared(posting, false);
        posters.forEach(p -> p.post(prepared));
        audit.record("POST", ENTITY, doc.number(), doc.status(), DocumentStatus.POSTED);
        return true;
    }

    /**
     * Closes an order with quantities still open (the supplier cannot deliver the rest, the
     * customer cancelled it): nothing more is received or delivered against it, and what it
     * reserved is released.
     */
    @Transactional
    public DocumentView close(Actor actor, long id, Integer version) {
        Locked doc = lock(actor, id);
        require(actor, doc, "CANCEL");
        if (doc.type().direction() != DocumentType.Direction.ORDER || doc.closed()) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.document.notClosable", doc.number());
        }
        expect(doc, version, DocumentStatus.APPROVED, DocumentStatus.POSTED);
        PostingDocument posting = posting(actor, doc, settings.get(actor.companyId()));
        posters.forEach(p -> p.close(posting));
        rows.close(actor.companyId(), id);
        audit.record("CLOSE", ENTITY, doc.number(), doc.status(), "CLOSED");
        return get(actor, id);
    }

    /** Reverses a posting with compensating moves and returns the document to draft for editing. */
    @Transactional
    public DocumentView unpost(Actor actor, long id, Integer version) {
        Locked doc = lock(actor, id);
        require(actor, doc, "UNPOST");
        expect(doc, version, DocumentStatus.POSTED);
        if (rows.postedFollowers(actor.companyId(), id) > 0) {
            // A receipt against this order, a return against this delivery: unpost those first.
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.document.hasFollowers", doc.number());
        }
        PostingDocument posting = prepared(posting(actor, doc, settings.get(actor.companyId())), true);
        posters.forEach(p -> p.unpost(posting));
        rows.resetReceived(actor.companyId(), id);
        rows.transition(actor.companyId(), id, DocumentStatus.DRAFT, actor.userId(), OffsetDateTime.now(), null);
        audit.record("UNPOST", ENTITY, doc.number(), DocumentStatus.POSTED, DocumentStatus.DRAFT);
        return get(actor, id);
    }

    @Transactional
    public DocumentView cancel(Actor actor, long id, Integer version) {
        Locked doc = lock(actor, id);
        // A document held as a suspected duplicate may also be cancelled by whoever releases holds.
        boolean holdDecision = doc.status() == DocumentStatus.ON_HOLD && Actors.has(Permission.RELEASE_HOLD);
        if (!holdDecision) {
            require(actor, doc, "CANCEL");
        }
        expect(doc, version, DocumentStatus.DRAFT, DocumentStatus.SUBMITTED, DocumentStatus.ON_HOLD);
        rows.transition(actor.companyId(), id, DocumentStatus.CANCELLED, actor.userId(), OffsetDateTime.now(), null);
        audit.record("CANCEL", ENTITY, doc.number(), doc.status(), DocumentStatus.CANCELLED);
        return get(actor, id);
    }

    /** A supervisor releases a document held as a suspected duplicate; it continues as submitted. */
    @Transactional
    public DocumentView release(Actor actor, long id, Integer version) {
        Locked doc = lock(actor, id);
        if (!Actors.has(Permission.RELEASE_HOLD)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.FORBIDDEN.detail");
        }
        expect(doc, version, DocumentStatus.ON_HOLD);
        rows.transition(actor.companyId(), id, DocumentStatus.SUBMITTED, actor.userId(), OffsetDateTime.now(), null);
        audit.record("RELEASE", ENTITY, doc.number(), DocumentStatus.ON_HOLD, DocumentStatus.SUBMITTED);
        return get(actor, id);
    }

    // --- reads ------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public DocumentView get(Actor actor, long id) {
        return rows.find(actor.companyId(), id, actor.scope(), permitted("VIEW"))
                .orElseThrow(() -> BusinessException.notFound(ENTITY, id));
    }

    /** The last seven prices of these items from a supplier, newest first, for whoever may see purchase prices. */
    @Transactional(readOnly = true)
    public List<PurchasePrice> recentPurchasePrices(Actor actor, String supplier, List<String> items) {
        if (!Actors.has(Permission.VIEW_PURCHASE_PRICE)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.document.permission", "VIEW_PURCHASE_PRICE");
        }
        return rows.recentPurchasePrices(actor.companyId(), supplier, items, 7);
    }

    /** The documents that follow this one: an order's receipts or deliveries, a delivery's returns. */
    @Transactional(readOnly = true)
    public List<DocumentView> followers(Actor actor, long id) {
        return rows.followers(actor.companyId(), get(actor, id).id(), actor.scope(), permitted("VIEW"));
    }

    /** What a customer's open sales orders, other than {@code except}, still have to deliver, at their prices. */
    @Transactional(readOnly = true)
    public BigDecimal openSalesOrderValue(long companyId, long partnerId, long except) {
        return rows.openSalesOrderValue(companyId, partnerId, except);
    }

    @Transactional(readOnly = true)
    public PageResult<DocumentView> list(Actor actor, DocumentQuery query, PageQuery page) {
        return rows.list(actor.companyId(), actor.scope(), permitted("VIEW"), query, page);
    }

    /** The list for an Excel export: only the types the actor may export. */
    @Transactional(readOnly = true)
    public PageResult<DocumentView> export(Actor actor, DocumentQuery query, PageQuery page) {
        Set<DocumentType> types = permitted("VIEW");
        types.retainAll(permitted("EXPORT"));
        return rows.list(actor.companyId(), actor.scope(), types, query, page);
    }

    /** A document to print (a delivery note, a receipt to sign); printing is recorded. */
    @Transactional
    public DocumentView print(Actor actor, long id) {
        DocumentView doc = get(actor, id);
        if (!Actors.has(Permission.forDocument("PRINT", doc.type().name()))) {
            throw new BusinessException(
                    ErrorCode.FORBIDDEN,
                    "error.document.permission",
                    "PRINT_" + doc.type().name());
        }
        audit.record("PRINT", ENTITY, doc.number(), null, null);
        return doc;
    }

    /** The document types on which the current actor holds a permission for an action. */
    private static Set<DocumentType> permitted(String action) {
        Set<DocumentType> types = java.util.EnumSet.noneOf(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            if (Actors.has(Permission.forDocument(action, type.name()))) {
                types.add(type);
            }
        }
        return types;
    }

    /**
     * Locks a posted transfer and records received quantities on its lines; for the stock
     * ledger's receipt of transfers. Returns the posting view of the document.
     */
    @Transactional
    public PostingDocument lockPostedTransfer(Actor actor, long id) {
        Locked doc = lockVisible(actor, id);
        // The receiving store receives: the destination must be in scope, and the right held there.
        if (!actor.scope().covers(doc.toWarehouseId())) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.document.otherSide", doc.number());
        }
        requireAt(actor, doc.type(), "POST", doc.toWarehouseId());
        if (doc.type() != DocumentType.TRANSFER) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.document.notTransfer", doc.number());
        }
        expect(doc, null, DocumentStatus.POSTED);
        return posting(actor, doc, settings.get(actor.companyId()));
    }

    @Transactional
    public void recordReceipts(Actor actor, long id, Map<Integer, BigDecimal> qtyByLine) {
        rows.addReceived(actor.companyId(), id, qtyByLine);
    }

    @Transactional
    public DocumentView finishReceipt(Actor actor, long id, String note) {
        rows.markFullyReceived(actor.companyId(), id);
        DocumentView after = get(actor, id);
        audit.record("RECEIVE", ENTITY, after.number(), null, note);
        return after;
    }

    // --- internals ----------------------------------------------------------------------------------

    private DocumentStatus submitLocked(Actor actor, Locked doc) {
        Optional<String> similar = suspectedDuplicate(actor, doc);
        if (similar.isPresent()) {
            hold(actor, doc, similar.get());
            return DocumentStatus.ON_HOLD;
        }
        rows.transition(
                actor.companyId(), doc.id(), DocumentStatus.SUBMITTED, actor.userId(), OffsetDateTime.now(), null);
        audit.record("SUBMIT", ENTITY, doc.number(), doc.status(), DocumentStatus.SUBMITTED);
        return DocumentStatus.SUBMITTED;
    }

    /**
     * A new sales order, or a delivery made without one, gains the gift lines of the promotions of
     * its day; a document that already carries gift lines keeps them as they are, so that gifts
     * are never added twice and a clerk can still give by hand.
     */
    private DocumentCommand withPromotions(Actor actor, DocumentCommand c) {
        boolean sale = c.type() == DocumentType.SALES_ORDER
                || c.type() == DocumentType.SALES_DELIVERY && c.sourceDocument() == null;
        if (!sale
                || c.lines() == null
                || c.lines().stream().anyMatch(l -> l != null && Boolean.TRUE.equals(l.gift()))) {
            return c;
        }
        List<LineCommand> gifts = promotions.giftLines(
                actor.companyId(),
                c.date() == null ? LocalDate.now() : c.date(),
                c.lines().stream().filter(java.util.Objects::nonNull).toList());
        if (gifts.isEmpty()) {
            return c;
        }
        List<LineCommand> all = new ArrayList<>(c.lines());
        all.addAll(gifts);
        return new DocumentCommand(
                c.type(),
                c.date(),
                c.warehouse(),
                c.toWarehouse(),
                c.partner(),
                c.sourceDocument(),
                c.remark(),
                all,
                c.version(),
                c.expectedDate());
    }

    /**
     * Refuses posting more than the source document has open: an order's lines less what posted
     * receipts or deliveries took, a receipt's or delivery's lines less what posted returns took.
     * The source row is locked first, so that two followers posted at once cannot both take the
     * last open quantity.
     */
    private void checkOpenQuantities(Actor actor, Locked doc, PostingDocument posting, CompanySettings s) {
        if (doc.sourceDocumentId() == null) {
            return;
        }
        DocumentRows.Source source = rows.source(actor.companyId(), doc.sourceDocumentId(), true)
                .orElseThrow(() -> BusinessException.notFound(ENTITY, doc.sourceDocumentId()));
        if (!followable(source)) {
            throw new BusinessException(
                    ErrorCode.INVALID_STATE, "error.document.sourceNotOpen", source.number(), source.status());
        }
        Map<Integer, BigDecimal> taken =
                new HashMap<>(rows.followed(actor.companyId(), source.id(), doc.type(), doc.id()));
        // What was returned is not invoiced: an invoice takes what is delivered (received), less returns.
        if (doc.type() == DocumentType.SUPPLIER_INVOICE || doc.type() == DocumentType.SALES_INVOICE) {
            DocumentType returns = doc.type() == DocumentType.SUPPLIER_INVOICE
                    ? DocumentType.PURCHASE_RETURN
                    : DocumentType.SALES_RETURN;
            rows.followed(actor.companyId(), source.id(), returns, doc.id())
                    .forEach((line, qty) -> taken.merge(line, qty, BigDecimal::add));
        }
        // A receipt may bring in a little more than ordered when the company allows it; nothing else may.
        BigDecimal allowance = doc.type() == DocumentType.PURCHASE_RECEIPT
                ? BigDecimal.ONE.add(s.overReceiptPercent().movePointLeft(2))
                : BigDecimal.ONE;
        List<FieldViolation> v = new ArrayList<>();
        for (int i = 0; i < posting.lines().size(); i++) {
            PostingLine l = posting.lines().get(i);
            if (l.sourceLine() == null) {
                continue;
            }
            DocumentRows.SourceLine sl = source.lines().get(l.sourceLine());
            BigDecimal before = taken.getOrDefault(l.sourceLine(), BigDecimal.ZERO);
            BigDecimal open = sl == null
                    ? BigDecimal.ZERO
                    : sl.baseQty()
                            .multiply(allowance)
                            .setScale(Rounding.QTY_SCALE, java.math.RoundingMode.DOWN)
                            .subtract(before);
            if (l.baseQty().compareTo(open) > 0) {
                v.add(FieldViolation.of(
                        "lines[" + i + "].qty",
                        "error.document.exceedsOpen",
                        source.number(),
                        l.sourceLine(),
                        Rounding.plain(open.max(BigDecimal.ZERO))));
            }
            taken.put(l.sourceLine(), before.add(l.baseQty()));
        }
        if (!v.isEmpty()) {
            throw new BusinessException(
                            ErrorCode.OPEN_QUANTITY_EXCEEDED, "error.document.exceedsOpen.detail", source.number())
                    .withViolations(v);
        }
    }

    /** With scan-to-deliver on, a sales delivery posts only when every line was scanned in full. */
    private void checkScanned(Actor actor, Locked doc, PostingDocument posting, CompanySettings s) {
        if (doc.type() != DocumentType.SALES_DELIVERY || !Boolean.TRUE.equals(s.scanToDeliver())) {
            return;
        }
        Map<Integer, BigDecimal> scanned = rows.scans(actor.companyId(), doc.id());
        List<String> missing = posting.lines().stream()
                .filter(l -> scanned.getOrDefault(l.line(), BigDecimal.ZERO).compareTo(l.baseQty()) < 0)
                .map(l -> String.valueOf(l.line()))
                .toList();
        if (!missing.isEmpty()) {
            throw new BusinessException(
                    ErrorCode.INVALID_STATE, "error.document.notScanned", doc.number(), String.join(", ", missing));
        }
    }

    /**
     * One scan at the packing table: the item's barcode (or code) and, for a line that names a bin,
     * the bin's code confirm {@code qty} base units of the first line still open for it. The wrong
     * item, the wrong bin or one too many is refused with {@code SCAN_MISMATCH} and counts nothing.
     */
    @Transactional
    public List<ScanProgress> scan(Actor actor, long id, String code, String bin, BigDecimal qty) {
        Locked doc = lock(actor, id);
        require(actor, doc, "POST");
        if (doc.type() != DocumentType.SALES_DELIVERY) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.scan.notADelivery", doc.number());
        }
        if (doc.status() == DocumentStatus.POSTED
                || doc.status() == DocumentStatus.CANCELLED
                || doc.status() == DocumentStatus.ON_HOLD) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.document.state", doc.number(), doc.status());
        }
        BigDecimal count = qty == null ? BigDecimal.ONE : qty;
        if (count.signum() <= 0) {
            throw BusinessException.invalid("qty", "openjxc.qty.positive");
        }
        String scannedCode = code == null ? "" : code.trim();
        ItemView item = items.find(actor.companyId(), scannedCode)
                .or(() -> items.findByBarcode(actor, scannedCode))
                .orElseThrow(
                        () -> new BusinessException(ErrorCode.SCAN_MISMATCH, "error.scan.unknownCode", scannedCode));
        String scannedBin = bin == null || bin.isBlank() ? null : bin.trim();
        List<ScanProgress> progress = scans(actor, id);
        List<ScanProgress> ofItem =
                progress.stream().filter(p -> p.item().equals(item.code())).toList();
        if (ofItem.isEmpty()) {
            throw new BusinessException(ErrorCode.SCAN_MISMATCH, "error.scan.notOnDocument", item.code(), doc.number());
        }
        ScanProgress target = ofItem.stream()
                .filter(p -> !p.complete() && (p.bin() == null || p.bin().equals(scannedBin)))
                .findFirst()
                .orElseThrow(() -> ofItem.stream()
                        .filter(p -> !p.complete())
                        .findFirst()
                        .map(p -> new BusinessException(
                                ErrorCode.SCAN_MISMATCH,
                                "error.scan.wrongBin",
                                item.code(),
                                p.bin(),
                                scannedBin == null ? "—" : scannedBin))
                        .orElseGet(() -> new BusinessException(
                                ErrorCode.SCAN_MISMATCH, "error.scan.enough", item.code(), doc.number())));
        if (target.scanned().add(count).compareTo(target.needed()) > 0) {
            throw new BusinessException(
                    ErrorCode.SCAN_MISMATCH,
                    "error.scan.tooMany",
                    item.code(),
                    Rounding.plain(target.needed().subtract(target.scanned())));
        }
        rows.addScan(actor.companyId(), id, target.line(), count);
        audit.record("SCAN", ENTITY, doc.number(), null, item.code() + " × " + Rounding.plain(count));
        return scans(actor, id);
    }

    /** Scan progress of each line of a document. */
    @Transactional(readOnly = true)
    public List<ScanProgress> scans(Actor actor, long id) {
        DocumentView doc = get(actor, id);
        Map<Integer, BigDecimal> scanned = rows.scans(actor.companyId(), id);
        return doc.lines().stream()
                .map(l -> new ScanProgress(
                        l.line(),
                        l.item(),
                        l.bin(),
                        l.baseQty(),
                        Rounding.plain(scanned.getOrDefault(l.line(), BigDecimal.ZERO))))
                .toList();
    }

    /** Orders are followed once approved (or posted) and until closed; anything else once posted. */
    private static AllocationBasis allocation(DocumentCommand c) {
        return c.allocation() == null ? AllocationBasis.AMOUNT : c.allocation();
    }

    private static boolean followable(DocumentRows.Source source) {
        if (source.type().direction() == DocumentType.Direction.ORDER) {
            return !source.closed()
                    && (source.status() == DocumentStatus.APPROVED || source.status() == DocumentStatus.POSTED);
        }
        return source.status() == DocumentStatus.POSTED;
    }

    /** Another user's inbound of the same type with a shared item within the window, if any. */
    private Optional<String> suspectedDuplicate(Actor actor, Locked doc) {
        if (doc.type().direction() != DocumentType.Direction.INBOUND) {
            return Optional.empty();
        }
        return rows.recentSimilarInbound(
                actor.companyId(),
                doc.id(),
                doc.type(),
                actor.userId(),
                OffsetDateTime.now().minus(DUPLICATE_WINDOW));
    }

    private void hold(Actor actor, Locked doc, String similarNumber) {
        rows.transition(
                actor.companyId(),
                doc.id(),
                DocumentStatus.ON_HOLD,
                actor.userId(),
                OffsetDateTime.now(),
                similarNumber);
        audit.record("HOLD", ENTITY, doc.number(), doc.status(), DocumentStatus.ON_HOLD + " " + similarNumber);
    }

    private void postLocked(Actor actor, Locked doc, CompanySettings s, List<PostingLine> lines) {
        PostingDocument posting = posting(actor, doc, s, lines);
        checkOpenQuantities(actor, doc, posting, s);
        PostingDocument prepared = prepared(posting, false);
        posters.forEach(p -> p.post(prepared));
        rows.transition(actor.companyId(), doc.id(), DocumentStatus.POSTED, actor.userId(), OffsetDateTime.now(), null);
        audit.record("POST", ENTITY, doc.number(), doc.status(), DocumentStatus.POSTED);
    }

    private PostingDocument prepared(PostingDocument posting, boolean unposting) {
        PostingDocument d = posting;
        for (PostingPreparer p : preparers) {
            d = p.prepare(d, unposting);
        }
        return d;
    }

    private PostingDocument posting(Actor actor, Locked doc, CompanySettings s) {
        return posting(actor, doc, s, null);
    }

    /** The document to post or unpost, with its lines as read (null: read them now). */
    private PostingDocument posting(Actor actor, Locked doc, CompanySettings s, List<PostingLine> read) {
        List<PostingLine> lines = read != null ? read : rows.postingLines(actor.companyId(), doc.id());
        if ((doc.type() == DocumentType.SUPPLIER_INVOICE || doc.type() == DocumentType.SALES_INVOICE)
                && doc.sourceDocumentId() != null) {
            lines = rows.withMatched(actor.companyId(), doc.sourceDocumentId(), lines);
        }
        return new PostingDocument(
                actor.companyId(),
                doc.id(),
                doc.number(),
                doc.type(),
                doc.warehouseId() == null ? 0 : doc.warehouseId(),
                doc.toWarehouseId(),
                actor.userId(),
                s.allowNegativeStock(),
                lines,
                doc.sourceDocumentId(),
                s.reserveOnSalesOrder(),
                doc.date(),
                doc.partnerId(),
                doc.type() == DocumentType.LANDED_COST ? rows.allocationBasis(actor.companyId(), doc.id()) : null,
                Boolean.TRUE.equals(s.revenueAtInvoice()),
                doc.neverPosted());
    }

    /**
     * Locks a document the actor may see; one outside their data scope answers 404 as if it did
     * not exist. Changing it needs its own warehouse in scope: the receiving side of a transfer
     * sees it and receives it, but only the sending side edits, posts or unposts it.
     */
    private Locked lock(Actor actor, long id) {
        return sendingSide(actor, lockVisible(actor, id));
    }

    private static Locked sendingSide(Actor actor, Locked doc) {
        if (!actor.scope().covers(doc.warehouseId())) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.document.otherSide", doc.number());
        }
        return doc;
    }

    /** {@link #lock} with the document's lines to post and the company's settings, read in the same round trip. */
    private DocumentRows.ToPost lockToPost(Actor actor, long id) {
        DocumentRows.ToPost toPost =
                rows.lockToPost(actor.companyId(), id).orElseThrow(() -> BusinessException.notFound(ENTITY, id));
        sendingSide(actor, visible(actor, toPost.document()));
        return toPost;
    }

    private Locked lockVisible(Actor actor, long id) {
        Locked doc = rows.lock(actor.companyId(), id).orElseThrow(() -> BusinessException.notFound(ENTITY, id));
        return visible(actor, doc);
    }

    private Locked visible(Actor actor, Locked doc) {
        long id = doc.id();
        if (!Actors.has(Permission.VIEW_DOCUMENTS)
                || !Actors.has(Permission.forDocument("VIEW", doc.type().name()))
                || !actor.scope().coversDocument(doc.warehouseId(), doc.toWarehouseId(), doc.createdBy())) {
            throw BusinessException.notFound(ENTITY, id);
        }
        return doc;
    }

    private static void require(DocumentType type, String action) {
        if (!Actors.has(Permission.forDocument(action, type.name()))) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.document.permission", action + "_" + type.name());
        }
    }

    /** The permission for an action on this document's warehouse (a temporary grant may cover only some). */
    private static void require(Actor actor, Locked doc, String action) {
        requireAt(actor, doc.type(), action, doc.warehouseId());
    }

    private static void requireAt(Actor actor, DocumentType type, String action, Long warehouseId) {
        require(type, action);
        if (!actor.mayAt(Permission.forDocument(action, type.name()), warehouseId)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "error.document.permission", action + "_" + type.name());
        }
    }

    private static void expect(Locked doc, Integer version, DocumentStatus... allowed) {
        if (version != null && version != doc.version()) {
            throw stale(doc);
        }
        for (DocumentStatus status : allowed) {
            if (doc.status() == status) {
                return;
            }
        }
        throw new BusinessException(ErrorCode.INVALID_STATE, "error.document.state", doc.number(), doc.status())
                .withFact("status", doc.status().name());
    }

    private static BusinessException stale(Locked doc) {
        return new BusinessException(ErrorCode.VERSION_CONFLICT, "error.versionConflict", ENTITY, doc.number())
                .withFact("currentVersion", doc.version());
    }

    private record Resolved(
            Long warehouseId, Long toWarehouseId, Long partnerId, List<NewLine> lines, CompanySettings settings) {}

    /** Resolves and checks every code of a command; all problems are reported at once. */
    private Resolved resolve(Actor actor, DocumentCommand c) {
        List<FieldViolation> v = new ArrayList<>();
        DocumentType.Direction direction = c.type().direction();
        WarehouseView warehouse = warehouse(actor, c.warehouse(), "warehouse", v, true);
        WarehouseView toWarehouse = null;
        if (direction == DocumentType.Direction.TRANSFER) {
            toWarehouse = destination(actor, c.toWarehouse(), v);
            if (warehouse != null && toWarehouse != null && warehouse.id() == toWarehouse.id()) {
                v.add(FieldViolation.of("toWarehouse", "error.document.sameWarehouse"));
            }
        } else if (c.toWarehouse() != null && !c.toWarehouse().isBlank()) {
            v.add(FieldViolation.of("toWarehouse", "error.document.noToWarehouse"));
        }
        PartnerView partner = null;
        if (c.partner() != null && !c.partner().isBlank()) {
            partner = partners.find(actor.companyId(), c.partner()).orElse(null);
            if (partner == null) {
                v.add(FieldViolation.of("partner", "error.reference.unknown", "Partner", c.partner()));
            }
        }
        DocumentRows.Source source = null;
        if (c.sourceDocument() != null) {
            source = rows.source(actor.companyId(), c.sourceDocument(), false).orElse(null);
            if (source == null || !rows.visible(actor.companyId(), source.id(), actor.scope())) {
                source = null;
                v.add(FieldViolation.of("sourceDocument", "error.reference.unknown", ENTITY, c.sourceDocument()));
            } else if (c.type() == DocumentType.LANDED_COST && source.type() != DocumentType.PURCHASE_RECEIPT) {
                v.add(FieldViolation.of(
                        "sourceDocument", "error.landedCost.notReceipt", source.number(), source.type()));
                source = null;
            } else if (c.type() != DocumentType.LANDED_COST
                    && c.type().follows().orElse(null) != source.type()) {
                v.add(FieldViolation.of(
                        "sourceDocument", "error.document.wrongSource", source.number(), source.type(), c.type()));
                source = null;
            } else if (!followable(source)) {
                v.add(FieldViolation.of(
                        "sourceDocument", "error.document.sourceNotOpen", source.number(), source.status()));
            }
        } else if (c.type().sourceRequired()) {
            v.add(FieldViolation.of("sourceDocument", "error.document.sourceRequired", c.type()));
        } else if (c.type() == DocumentType.LANDED_COST) {
            v.add(FieldViolation.of("sourceDocument", "error.landedCost.receiptRequired"));
        }
        Long partnerId = partner == null ? null : partner.id();
        if (c.type().partnerRole().isPresent()) {
            if (partnerId == null
                    && source != null
                    && (c.partner() == null || c.partner().isBlank())) {
                partnerId = source.partnerId();
            } else if (partner != null && !plays(partner, c.type().partnerRole().get())) {
                v.add(FieldViolation.of(
                        "partner",
                        "error.document.partnerRole",
                        partner.code(),
                        c.type().partnerRole().get()));
            }
            if (partnerId == null && (c.partner() == null || c.partner().isBlank())) {
                v.add(FieldViolation.of("partner", "error.document.partnerRequired", c.type()));
            } else if (source != null
                    // A carrier or customs broker charges a landed cost, not necessarily the supplier.
                    && c.type() != DocumentType.LANDED_COST
                    && source.partnerId() != null
                    && partnerId != null
                    && !source.partnerId().equals(partnerId)) {
                v.add(FieldViolation.of("partner", "error.document.partnerOfSource", source.number()));
            }
        }
        // One query for all items of the document; units and bins repeat, so they are looked up once each.
        List<String> codes = c.lines().stream()
                .map(LineCommand::item)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        // A customer's price level prices the sales lines that name no price.
        boolean sale = c.type() == DocumentType.SALES_ORDER || c.type() == DocumentType.SALES_DELIVERY;
        CompanySettings companySettings = settings.get(actor.companyId());
        var lookups = new Lookups(
                items.findAll(actor.companyId(), codes),
                sale && partner != null && partner.priceLevel() != null
                        ? items.pricesOfLevel(actor.companyId(), partner.priceLevel(), codes)
                        : Map.of(),
                Boolean.TRUE.equals(companySettings.pricesIncludeTax()));
        List<NewLine> lines = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            NewLine line = line(actor, c, i, warehouse, toWarehouse, v, lookups, source);
            if (line != null) {
                lines.add(line);
            }
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        return new Resolved(
                warehouse.id(), toWarehouse == null ? null : toWarehouse.id(), partnerId, lines, companySettings);
    }

    /** What the lines of one command look up, fetched once. */
    private record Lookups(
            java.util.Map<String, ItemView> items,
            java.util.Map<String, Optional<UnitView>> units,
            java.util.Map<String, Optional<Long>> bins,
            java.util.Map<String, BigDecimal> levelPrices,
            boolean pricesIncludeTax) {
        Lookups(
                java.util.Map<String, ItemView> items,
                java.util.Map<String, BigDecimal> levelPrices,
                boolean pricesIncludeTax) {
            this(items, new java.util.HashMap<>(), new java.util.HashMap<>(), levelPrices, pricesIncludeTax);
        }
    }

    private NewLine line(
            Actor actor,
            DocumentCommand c,
            int i,
            WarehouseView warehouse,
            WarehouseView toWarehouse,
            List<FieldViolation> v,
            Lookups lookups,
            DocumentRows.Source source) {
        LineCommand l = c.lines().get(i);
        String at = "lines[" + i + "].";
        int before = v.size();
        ItemView item = lookups.items().get(l.item());
        if (item == null) {
            v.add(FieldViolation.of(at + "item", "error.reference.unknown", "Item", l.item()));
            return null;
        }
        if (!item.active()) {
            v.add(FieldViolation.of(at + "item", "error.item.inactive", item.code()));
        }
        boolean charge = c.type() == DocumentType.LANDED_COST;
        if (charge && item.type() == ItemType.GOODS) {
            v.add(FieldViolation.of(at + "item", "error.landedCost.serviceOnly", item.code()));
        } else if (!charge && item.type() == ItemType.KIT && !SOLD_AS_KITS.contains(c.type())) {
            // A kit or a dish is sold as one item; only its components are bought, moved and counted.
            v.add(FieldViolation.of(at + "item", "error.item.kitNotStocked", item.code()));
        } else if (!charge && item.type() == ItemType.SERVICE) {
            v.add(FieldViolation.of(at + "item", "error.item.notStocked", item.code()));
        }
        String unitCode = l.unit() == null || l.unit().isBlank() ? item.unit() : l.unit();
        BigDecimal factor = item.factorOf(unitCode).orElse(null);
        if (factor == null) {
            v.add(FieldViolation.of(at + "unit", "error.document.unitOfItem", unitCode, item.code()));
        }
        boolean signed = c.type().direction() == DocumentType.Direction.ADJUSTMENT;
        if (l.qty() != null && (signed ? l.qty().signum() == 0 : l.qty().signum() <= 0)) {
            v.add(FieldViolation.of(at + "qty", signed ? "error.document.qtyNonZero" : "openjxc.qty.positive"));
        }
        BigDecimal baseQty = factor == null ? null : l.qty().multiply(factor);
        if (baseQty != null && !Rounding.isQty(baseQty)) {
            v.add(FieldViolation.of(at + "qty", "error.document.qtyScale"));
        }
        DocumentType.Direction direction = c.type().direction();
        // A customer's return waits in the returns pool until someone has looked at it.
        StockStatus status = l.status() != null
                ? l.status()
                : c.type() == DocumentType.SALES_RETURN
                        ? StockStatus.RETURNS
                        : c.type() == DocumentType.PURCHASE_RECEIPT && item.inspectOnReceipt()
                                ? StockStatus.QC
                                : StockStatus.AVAILABLE;
        if (status == StockStatus.IN_TRANSIT) {
            v.add(FieldViolation.of(at + "status", "error.document.inTransitStatus"));
        }
        StockStatus from = null;
        if (direction == DocumentType.Direction.STATUS_CHANGE) {
            from = l.fromStatus();
            if (from == null) {
                v.add(FieldViolation.of(at + "fromStatus", "import.required"));
            } else if (from == status) {
                v.add(FieldViolation.of(at + "status", "error.document.sameStatus"));
            } else if (from == StockStatus.IN_TRANSIT) {
                v.add(FieldViolation.of(at + "fromStatus", "error.document.inTransitStatus"));
            }
        }
        Long binId = bin(actor, warehouse, l.bin(), at + "bin", v, lookups);
        Long toBinId = null;
        if (l.toBin() != null && !l.toBin().isBlank()) {
            if (direction == DocumentType.Direction.TRANSFER) {
                toBinId = bin(actor, toWarehouse, l.toBin(), at + "toBin", v, lookups);
            } else {
                v.add(FieldViolation.of(at + "toBin", "error.document.noToBin"));
            }
        }
        String batch =
                l.batch() == null || l.batch().isBlank() ? null : l.batch().trim();
        if (batch != null && !item.batchManaged()) {
            v.add(FieldViolation.of(at + "batch", "error.document.notBatchManaged", item.code()));
        }
        if (batch == null && item.batchManaged() && direction == DocumentType.Direction.INBOUND) {
            v.add(FieldViolation.of(at + "batch", "error.document.batchRequired", item.code()));
        }
        LocalDate expiry = l.expiryDate();
        if (expiry == null && batch != null && item.shelfLifeDays() != null && l.productionDate() != null) {
            expiry = l.productionDate().plusDays(item.shelfLifeDays());
        }
        BigDecimal price = l.price();
        boolean gift = Boolean.TRUE.equals(l.gift());
        if (gift) {
            price = BigDecimal.ZERO;
        } else if (price == null && (c.type() == DocumentType.SALES_ORDER || c.type() == DocumentType.SALES_DELIVERY)) {
            BigDecimal perBase = lookups.levelPrices().getOrDefault(item.code(), item.salePrice());
            price = perBase == null ? null : perBase.multiply(factor == null ? BigDecimal.ONE : factor);
        } else if (c.type() == DocumentType.PRODUCTION_RECEIPT) {
            // Finished goods are valued when posted, from what the order consumed.
            price = null;
        } else if (price == null
                && direction == DocumentType.Direction.INBOUND
                && c.type() != DocumentType.SALES_RETURN) {
            // A return comes back at what its delivery cost; other receipts are costed at their price.
            price = item.purchasePrice() == null
                    ? null
                    : item.purchasePrice().multiply(factor == null ? BigDecimal.ONE : factor);
            if (price == null) {
                v.add(FieldViolation.of(at + "price", "error.document.priceRequired", item.code()));
            }
        }
        if ((charge || c.type() == DocumentType.SUPPLIER_INVOICE || c.type() == DocumentType.SALES_INVOICE)
                && price == null) {
            v.add(FieldViolation.of(at + "price", "error.document.priceRequired", item.code()));
        }
        // A landed cost's lines are charges: they follow no line of the receipt.
        // A material issue takes components, not the order's products; a finished-goods receipt may
        // bring by-products that are not on the order. Production checks both against the BOMs.
        Integer sourceLine = charge
                        || c.type() == DocumentType.PRODUCTION_ISSUE
                        || (c.type() == DocumentType.PRODUCTION_RECEIPT
                                && l.sourceLine() == null
                                && source != null
                                && source.lines().values().stream().noneMatch(sl -> sl.itemId() == item.id()))
                ? null
                : sourceLine(c, l, i, item, source, v);
        if (v.size() > before) {
            return null;
        }
        UnitView unit = lookups.units()
                .computeIfAbsent(unitCode, code -> units.find(actor.companyId(), code))
                .orElseThrow();
        BigDecimal amount = price == null ? null : Rounding.amount(price.multiply(l.qty()));
        // VAT only where there is a supplier or customer to charge it; the rate is the line's or the item's.
        BigDecimal taxRate = c.type().partnerRole().isEmpty()
                ? BigDecimal.ZERO
                : l.taxRate() != null ? l.taxRate() : item.taxRate() == null ? BigDecimal.ZERO : item.taxRate();
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal net = amount;
        if (amount != null && taxRate.signum() > 0) {
            if (lookups.pricesIncludeTax()) {
                net = Rounding.amount(amount.divide(BigDecimal.ONE.add(taxRate), 10, java.math.RoundingMode.HALF_UP));
                tax = amount.subtract(net);
            } else {
                tax = Rounding.amount(amount.multiply(taxRate));
            }
        }
        return new NewLine(
                i + 1,
                item.id(),
                l.qty(),
                unit.id(),
                factor,
                baseQty,
                price,
                amount,
                binId,
                toBinId,
                batch,
                l.productionDate(),
                expiry,
                from,
                status,
                gift,
                Text.trimToNull(l.remark()),
                sourceLine,
                taxRate,
                tax,
                net);
    }

    /** The source line a line follows: the one it names, or the first of the source with its item. */
    private static Integer sourceLine(
            DocumentCommand c,
            LineCommand l,
            int i,
            ItemView item,
            DocumentRows.Source source,
            List<FieldViolation> v) {
        String at = "lines[" + i + "].";
        if (source == null) {
            if (l.sourceLine() != null && c.sourceDocument() == null) {
                v.add(FieldViolation.of(at + "sourceLine", "error.document.noSource"));
            }
            return null;
        }
        if (l.sourceLine() != null) {
            DocumentRows.SourceLine named = source.lines().get(l.sourceLine());
            if (named == null || named.itemId() != item.id()) {
                v.add(FieldViolation.of(
                        at + "sourceLine",
                        "error.document.sourceLineItem",
                        source.number(),
                        l.sourceLine(),
                        item.code()));
                return null;
            }
            return named.line();
        }
        return source.lines().values().stream()
                .filter(sl -> sl.itemId() == item.id())
                .map(DocumentRows.SourceLine::line)
                .findFirst()
                .orElseGet(() -> {
                    v.add(FieldViolation.of(
                            at + "item", "error.document.itemNotInSource", item.code(), source.number()));
                    return null;
                });
    }

    private static boolean plays(PartnerView partner, DocumentType.PartnerRole role) {
        return partner.type() == PartnerType.BOTH || partner.type().name().equals(role.name());
    }

    private WarehouseView warehouse(Actor actor, String code, String field, List<FieldViolation> v, boolean required) {
        if (code == null || code.isBlank()) {
            if (required) {
                v.add(FieldViolation.of(field, "import.required"));
            }
            return null;
        }
        try {
            WarehouseView w = warehouses.get(actor, code);
            if (!w.active()) {
                v.add(FieldViolation.of(field, "error.warehouse.inactive", code));
            }
            return w;
        } catch (BusinessException notFound) {
            v.add(FieldViolation.of(field, "error.reference.unknown", "Warehouse", code));
            return null;
        }
    }

    /** The destination of a transfer: any active warehouse of the company, in the actor's scope or not. */
    private WarehouseView destination(Actor actor, String code, List<FieldViolation> v) {
        if (code == null || code.isBlank()) {
            v.add(FieldViolation.of("toWarehouse", "import.required"));
            return null;
        }
        try {
            WarehouseView w = warehouses.destination(actor, code);
            if (!w.active()) {
                v.add(FieldViolation.of("toWarehouse", "error.warehouse.inactive", code));
            }
            return w;
        } catch (BusinessException notFound) {
            v.add(FieldViolation.of("toWarehouse", "error.reference.unknown", "Warehouse", code));
            return null;
        }
    }

    private Long bin(
            Actor actor, WarehouseView warehouse, String code, String field, List<FieldViolation> v, Lookups lookups) {
        if (code == null || code.isBlank() || warehouse == null) {
            return null;
        }
        String key = warehouse.code() + "\u0000" + code;
        if (lookups.bins().containsKey(key)) {
            return lookups.bins().get(key).orElse(null);
        }
        Long id = bin(actor, warehouse, code, field, v);
        lookups.bins().put(key, Optional.ofNullable(id));
        return id;
    }

    private Long bin(Actor actor, WarehouseView warehouse, String code, String field, List<FieldViolation> v) {
        try {
            BinView bin = warehouses.binOf(actor, warehouse, code);
            if (!bin.active()) {
                v.add(FieldViolation.of(field, "error.bin.inactive", code));
            }
            return bin.id();
        } catch (BusinessException notFound) {
            v.add(FieldViolation.of(field, "error.bin.unknown", code, warehouse.code()));
            return null;
        }
    }
}
