package org.openjxc.catalog.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.openjxc.catalog.AbcClass;
import org.openjxc.catalog.Categories;
import org.openjxc.catalog.CategoryCommand;
import org.openjxc.catalog.CategoryView;
import org.openjxc.catalog.ItemCommand;
import org.openjxc.catalog.ItemQuery;
import org.openjxc.catalog.ItemType;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.Items;
import org.openjxc.catalog.UnitCommand;
import org.openjxc.catalog.UnitView;
import org.openjxc.catalog.Units;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
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

/** Items, units of measure and item categories over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog")
class CatalogApiController {

    private final Items items;
    private final Units units;
    private final Categories categories;

    CatalogApiController(Items items, Units units, Categories categories) {
        this.items = items;
        this.units = units;
        this.categories = categories;
    }

    @GetMapping("/items")
    @RequiresPermission(Permission.VIEW_ITEM)
    PageResult<ItemView> items(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) ItemType type,
            @RequestParam(required = false) AbcClass abcClass,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return items.list(
                Actors.require(), new ItemQuery(q, category, type, abcClass, active), PageQuery.of(page, size, sort));
    }

    @GetMapping("/items/{code}")
    @RequiresPermission(Permission.VIEW_ITEM)
    ItemView item(@PathVariable String code) {
        return items.get(Actors.require(), code);
    }

    @GetMapping("/items/by-barcode/{barcode}")
    @RequiresPermission(Permission.VIEW_ITEM)
    ItemView itemByBarcode(@PathVariable String barcode) {
        return items.findByBarcode(Actors.require(), barcode)
                .orElseThrow(() -> BusinessException.notFound("Barcode", barcode));
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.CREATE_ITEM)
    ItemView createItem(@Valid @RequestBody ItemCommand command) {
        return items.create(Actors.require(), command);
    }

    @PutMapping("/items/{code}")
    @RequiresPermission(Permission.EDIT_ITEM)
    ItemView updateItem(@PathVariable String code, @Valid @RequestBody ItemCommand command) {
        return items.update(Actors.require(), code, command);
    }

    @DeleteMapping("/items/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.DELETE_ITEM)
    void deleteItem(@PathVariable String code) {
        items.delete(Actors.require(), code);
    }

    @GetMapping("/units")
    @RequiresPermission(Permission.VIEW_ITEM)
    List<UnitView> units() {
        return units.list(Actors.require());
    }

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.CREATE_ITEM)
    UnitView createUnit(@Valid @RequestBody UnitCommand command) {
        return units.create(Actors.require(), command);
    }

    @GetMapping("/categories")
    @RequiresPermission(Permission.VIEW_ITEM)
    List<CategoryView> categories() {
        return categories.list(Actors.require());
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.CREATE_ITEM)
    CategoryView createCategory(@Valid @RequestBody CategoryCommand command) {
        return categories.create(Actors.require(), command);
    }

    @PutMapping("/categories/{code}")
    @RequiresPermission(Permission.EDIT_ITEM)
    CategoryView updateCategory(@PathVariable String code, @Valid @RequestBody CategoryCommand command) {
        return categories.update(Actors.require(), code, command);
    }

    @DeleteMapping("/categories/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.DELETE_ITEM)
    void deleteCategory(@PathVariable String code) {
        categories.delete(Actors.require(), code);
    }
}
