package org.openjxc.partner.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openjxc.partner.PartnerCommand;
import org.openjxc.partner.PartnerQuery;
import org.openjxc.partner.PartnerType;
import org.openjxc.partner.PartnerView;
import org.openjxc.partner.Partners;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Suppliers and customers over the API. */
@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners")
class PartnerApiController {

    private final Partners partners;

    PartnerApiController(Partners partners) {
        this.partners = partners;
    }

    @GetMapping
    @RequiresPermission(Permission.VIEW_PARTNER)
    PageResult<PartnerView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) PartnerType type,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String salesperson,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return partners.list(
                Actors.require(),
                new PartnerQuery(q, type, region, salesperson, active),
                PageQuery.of(page, size, sort));
    }

    @GetMapping("/{code}")
    @RequiresPermission(Permission.VIEW_PARTNER)
    PartnerView get(@PathVariable String code) {
        return partners.get(Actors.require(), code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.CREATE_PARTNER)
    PartnerView create(@Valid @RequestBody PartnerCommand command) {
        return partners.create(Actors.require(), command);
    }

    @PutMapping("/{code}")
    @RequiresPermission(Permission.EDIT_PARTNER)
    PartnerView update(@PathVariable String code, @Valid @RequestBody PartnerCommand command) {
        return partners.update(Actors.require(), code, command);
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.DELETE_PARTNER)
    void delete(@PathVariable String code) {
        partners.delete(Actors.require(), code);
    }
}
