package org.openjxc.production.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.openjxc.production.BomCommand;
import org.openjxc.production.BomKind;
import org.openjxc.production.BomView;
import org.openjxc.production.Boms;
import org.openjxc.production.ExplosionRow;
import org.openjxc.production.Production;
import org.openjxc.production.ProductionOrderView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** BOMs, their explosion, production orders' progress and tolerance overrides. */
@RestController
@Tag(name = "Production")
class ProductionApiController {

    /** An override's reason (原因), required. */
    record OverrideBody(@NotBlank @Size(max = 500) String reason) {}

    /** A BOM's explosion with its standard cost per unit of output. */
    record Explosion(BigDecimal qty, BigDecimal standardUnitCost, List<ExplosionRow> rows) {}

    private final Boms boms;
    private final Production production;

    ProductionApiController(Boms boms, Production production) {
        this.boms = boms;
        this.production = production;
    }

    @GetMapping("/api/v1/boms")
    @RequiresPermission(Permission.VIEW_ITEM)
    PageResult<BomView> list(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) BomKind kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return boms.list(Actors.require(), item, kind, PageQuery.of(page, size, sort));
    }

    @GetMapping("/api/v1/boms/{id}")
    @RequiresPermission(Permission.VIEW_ITEM)
    BomView get(@PathVariable long id) {
        return boms.get(Actors.require(), id);
    }

    @PostMapping("/api/v1/boms")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.MANAGE_BOMS)
    BomView create(@Valid @RequestBody BomCommand command) {
        return boms.create(Actors.require(), command);
    }

    @PutMapping("/api/v1/boms/{id}")
    @RequiresPermission(Permission.MANAGE_BOMS)
    BomView update(@PathVariable long id, @Valid @RequestBody BomCommand command) {
        return boms.update(Actors.require(), id, command);
    }

    @DeleteMapping("/api/v1/boms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.MANAGE_BOMS)
    void delete(@PathVariable long id) {
        boms.delete(Actors.require(), id);
    }

    @GetMapping("/api/v1/boms/{id}/explosion")
    @RequiresPermission(Permission.VIEW_ITEM)
    Explosion explode(
            @PathVariable long id,
            @RequestParam(required = false) BigDecimal qty,
            @RequestParam(required = false) String warehouse) {
        var actor = Actors.require();
        BigDecimal made = qty == null ? boms.get(actor, id).outputQty() : qty;
        BigDecimal unit = boms.standardUnitCost(actor, id, warehouse);
        return new Explosion(made, unit, boms.explode(actor, id, made, warehouse));
    }

    @GetMapping("/api/v1/production/orders/{id}")
    @RequiresPermission(Permission.VIEW_PRODUCTION_ORDER)
    ProductionOrderView order(@PathVariable long id) {
        return production.order(Actors.require(), id);
    }

    @PostMapping("/api/v1/production/documents/{id}/override")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.OVERRIDE_PRODUCTION_TOLERANCE)
    void override(@PathVariable long id, @Valid @RequestBody OverrideBody body) {
        production.override(Actors.require(), id, body.reason());
    }
}
