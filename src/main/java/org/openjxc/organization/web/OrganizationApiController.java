package org.openjxc.organization.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openjxc.organization.BinCommand;
import org.openjxc.organization.BinView;
import org.openjxc.organization.OrgUnitCommand;
import org.openjxc.organization.OrgUnitView;
import org.openjxc.organization.OrgUnits;
import org.openjxc.organization.WarehouseCommand;
import org.openjxc.organization.WarehouseView;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actors;
import org.openjxc.shared.MasterDataQuery;
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

/** Org units, warehouses and bins over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organization")
class OrganizationApiController {

    private final OrgUnits orgUnits;
    private final Warehouses warehouses;

    OrganizationApiController(OrgUnits orgUnits, Warehouses warehouses) {
        this.orgUnits = orgUnits;
        this.warehouses = warehouses;
    }

    @GetMapping("/org-units")
    @RequiresPermission(Permission.VIEW_WAREHOUSE)
    PageResult<OrgUnitView> orgUnits(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return orgUnits.list(Actors.require(), MasterDataQuery.of(q, active), PageQuery.of(page, size, sort));
    }

    @GetMapping("/org-units/{code}")
    @RequiresPermission(Permission.VIEW_WAREHOUSE)
    OrgUnitView orgUnit(@PathVariable String code) {
        return orgUnits.get(Actors.require(), code);
    }

    @PostMapping("/org-units")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.CREATE_WAREHOUSE)
    OrgUnitView createOrgUnit(@Valid @RequestBody OrgUnitCommand command) {
        return orgUnits.create(Actors.require(), command);
    }

    @PutMapping("/org-units/{code}")
    @RequiresPermission(Permission.EDIT_WAREHOUSE)
    OrgUnitView updateOrgUnit(@PathVariable String code, @Valid @RequestBody OrgUnitCommand command) {
        return orgUnits.update(Actors.require(), code, command);
    }

    @DeleteMapping("/org-units/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.DELETE_WAREHOUSE)
    void deleteOrgUnit(@PathVariable String code) {
        orgUnits.delete(Actors.require(), code);
    }

    @GetMapping("/warehouses")
    @RequiresPermission(Permission.VIEW_WAREHOUSE)
    PageResult<WarehouseView> warehouses(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return warehouses.list(
                Actors.require(), MasterDataQuery.of(q, active), orgUnit, PageQuery.of(page, size, sort));
    }

    @GetMapping("/warehouses/{code}")
    @RequiresPermission(Permission.VIEW_WAREHOUSE)
    WarehouseView warehouse(@PathVariable String code) {
        return warehouses.get(Actors.require(), code);
    }

    @PostMapping("/warehouses")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.CREATE_WAREHOUSE)
    WarehouseView createWarehouse(@Valid @RequestBody WarehouseCommand command) {
        return warehouses.create(Actors.require(), command);
    }

    @PutMapping("/warehouses/{code}")
    @RequiresPermission(Permission.EDIT_WAREHOUSE)
    WarehouseView updateWarehouse(@PathVariable String code, @Valid @RequestBody WarehouseCommand command) {
        return warehouses.update(Actors.require(), code, command);
    }

    @DeleteMapping("/warehouses/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.DELETE_WAREHOUSE)
    void deleteWarehouse(@PathVariable String code) {
        warehouses.delete(Actors.require(), code);
    }

    @GetMapping("/warehouses/{code}/bins")
    @RequiresPermission(Permission.VIEW_WAREHOUSE)
    PageResult<BinView> bins(
            @PathVariable String code,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return warehouses.bins(Actors.require(), code, q, PageQuery.of(page, size, sort));
    }

    @PostMapping("/warehouses/{code}/bins")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.CREATE_WAREHOUSE)
    BinView createBin(@PathVariable String code, @Valid @RequestBody BinCommand command) {
        return warehouses.createBin(Actors.require(), code, command);
    }

    @PutMapping("/warehouses/{code}/bins/{bin}")
    @RequiresPermission(Permission.EDIT_WAREHOUSE)
    BinView updateBin(@PathVariable String code, @PathVariable String bin, @Valid @RequestBody BinCommand command) {
        return warehouses.updateBin(Actors.require(), code, bin, command);
    }
}
