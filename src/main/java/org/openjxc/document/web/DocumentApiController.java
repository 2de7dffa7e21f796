package org.openjxc.document.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openjxc.document.CompanySettings;
import org.openjxc.document.DocumentCommand;
import org.openjxc.document.DocumentQuery;
import org.openjxc.document.DocumentStatus;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.document.Promotion;
import org.openjxc.document.Promotions;
import org.openjxc.document.PurchasePrice;
import org.openjxc.document.ScanProgress;
import org.openjxc.document.Settings;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents over the API (API.md "Documents") and company settings. The endpoint permission is
 * the right to see documents; each action also needs its per-type permission, checked by the
 * engine because the type is only known from the document.
 */
@RestController
@Tag(name = "Documents")
class DocumentApiController {

    /** The optional body of a lifecycle call. */
    record VersionBody(Integer version) {}

    private final Documents documents;
    private final Settings settings;
    private final Promotions promotions;

    DocumentApiController(Documents documents, Settings settings, Promotions promotions) {
        this.documents = documents;
        this.settings = settings;
        this.promotions = promotions;
    }

    @PostMapping("/api/v1/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView create(
            @Valid @RequestBody DocumentCommand command, @RequestParam(defaultValue = "false") boolean post) {
        return documents.create(Actors.require(), command, post);
    }

    @GetMapping("/api/v1/documents")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    PageResult<DocumentView> list(
            @RequestParam(required = false) DocumentType type,
            @RequestParam(required = false) DocumentStatus status,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return documents.list(
                Actors.require(),
                new DocumentQuery(type, status, partner, warehouse, from, to, q),
                PageQuery.of(page, size, sort));
    }

    @GetMapping("/api/v1/documents/{id}")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView get(@PathVariable long id) {
        return documents.get(Actors.require(), id);
    }

    @PutMapping("/api/v1/documents/{id}")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView update(@PathVariable long id, @Valid @RequestBody DocumentCommand command) {
        return documents.update(Actors.require(), id, command);
    }

    @DeleteMapping("/api/v1/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    void delete(@PathVariable long id, @RequestParam(required = false) Integer version) {
        documents.delete(Actors.require(), id, version);
    }

    @PostMapping("/api/v1/documents/{id}/submit")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView submit(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
        return documents.submit(Actors.require(), id, version(body));
    }

    @PostMapping("/api/v1/documents/{id}/approve")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView approve(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
        return documents.approve(Actors.require(), id, version(body));
    }

    @PostMapping("/api/v1/documents/{id}/post")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView post(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
        return documents.post(Actors.require(), id, version(body));
    }

    @PostMapping("/api/v1/documents/{id}/unpost")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView unpost(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
        return documents.unpost(Actors.require(), id, version(body));
    }

    @PostMapping("/api/v1/documents/{id}/cancel")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView cancel(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
        return documents.cancel(Actors.require(), id, version(body));
    }

    @GetMapping("/api/v1/purchase-prices")
    @RequiresPermission(Permission.VIEW_PURCHASE_PRICE)
    List<PurchasePrice> purchasePrices(@RequestParam String supplier, @RequestParam List<String> item) {
        return documents.recentPurchasePrices(Actors.require(), supplier, item);
    }

    /** A scan at the packing table: {@code {"code": "6901234567892", "bin": "A-01-01", "qty": 1}}. */
    record ScanBody(String code, String bin, BigDecimal qty) {}

    @PostMapping("/api/v1/documents/{id}/scan")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    List<ScanProgress> scan(@PathVariable long id, @RequestBody ScanBody body) {
        return documents.scan(Actors.require(), id, body.code(), body.bin(), body.qty());
    }

    @GetMapping("/api/v1/documents/{id}/scans")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    List<ScanProgress> scans(@PathVariable long id) {
        return documents.scans(Actors.require(), id);
    }

    @PostMapping("/api/v1/promotions")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.MANAGE_PROMOTIONS)
    Promotion createPromotion(@Valid @RequestBody Promotion promotion) {
        return promotions.create(Actors.require(), promotion);
    }

    @GetMapping("/api/v1/promotions")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    List<Promotion> promotions() {
        return promotions.list(Actors.require());
    }

    @GetMapping("/api/v1/documents/{id}/followers")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    List<DocumentView> followers(@PathVariable long id) {
        return documents.followers(Actors.require(), id);
    }

    @PostMapping("/api/v1/documents/{id}/close")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    DocumentView close(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
        return documents.close(Actors.require(), id, version(body));
    }

    @PostMapping("/api/v1/documents/{id}/release")
    @RequiresPermission(Permission.RELEASE_HOLD)
    DocumentView release(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
        return documents.release(Actors.require(), id, version(body));
    }

    @GetMapping("/api/v1/settings")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    CompanySettings settings() {
        return settings.get(Actors.require().companyId());
    }

    @PutMapping("/api/v1/settings")
    @RequiresPermission(Permission.MANAGE_SETTINGS)
    CompanySettings updateSettings(@Valid @RequestBody CompanySettings body) {
        return settings.update(Actors.require(), body);
    }

    private static Integer version(VersionBody body) {
        return body == null ? null : body.version();
    }
}
