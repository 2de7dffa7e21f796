package org.openjxc.catalog.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import org.openjxc.attachment.AttachmentFile;
import org.openjxc.attachment.AttachmentView;
import org.openjxc.catalog.Items;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ProblemWriter;
import org.openjxc.web.Uploads;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An item's picture: upload, show and remove, over the API and on the item page. */
@Controller
@Tag(name = "Items")
class ItemPictureController {

    private final Items items;
    private final ProblemWriter problems;
    private final MessageSource messages;

    ItemPictureController(Items items, ProblemWriter problems, MessageSource messages) {
        this.items = items;
        this.problems = problems;
        this.messages = messages;
    }

    @PutMapping("/api/v1/items/{code}/picture")
    @ResponseBody
    @RequiresPermission(Permission.EDIT_ITEM)
    AttachmentView upload(@PathVariable String code, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        return items.storePicture(Actors.require(), code, Uploads.name(file), Uploads.bytes(file));
    }

    @GetMapping({"/api/v1/items/{code}/picture", "/items/{code}/picture"})
    @RequiresPermission(Permission.VIEW_ITEM)
    ResponseEntity<byte[]> show(@PathVariable String code) {
        AttachmentFile picture = items.picture(Actors.require(), code)
                .orElseThrow(() -> BusinessException.notFound("ItemPicture", code));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(picture.view().contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .eTag('"' + picture.view().sha256() + '"')
                .body(picture.content());
    }

    @DeleteMapping("/api/v1/items/{code}/picture")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.EDIT_ITEM)
    void delete(@PathVariable String code) {
        items.deletePicture(Actors.require(), code);
    }

    @PostMapping("/items/{code}/picture")
    @RequiresPermission(Permission.EDIT_ITEM)
    String uploadPage(
            @PathVariable String code, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        try {
            items.storePicture(Actors.require(), code, Uploads.name(file), Uploads.bytes(file));
            flash.addFlashAttribute("flashSuccess", message("items.pictureSaved"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", problems.sentence(LocaleContextHolder.getLocale(), e));
        }
        return "redirect:/items/" + code;
    }

    @PostMapping("/items/{code}/picture/delete")
    @RequiresPermission(Permission.EDIT_ITEM)
    String deletePage(@PathVariable String code, RedirectAttributes flash) {
        items.deletePicture(Actors.require(), code);
        flash.addFlashAttribute("flashSuccess", message("items.pictureDeleted"));
        return "redirect:/items/" + code;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
