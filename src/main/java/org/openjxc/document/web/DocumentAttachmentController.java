package org.openjxc.document.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.openjxc.attachment.AttachmentFile;
import org.openjxc.attachment.AttachmentView;
import org.openjxc.document.Documents;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.Downloads;
import org.openjxc.web.ProblemWriter;
import org.openjxc.web.Uploads;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Files attached to a document, over the API and on the document page. */
@Controller
@Tag(name = "Documents")
class DocumentAttachmentController {

    private final Documents documents;
    private final ProblemWriter problems;
    private final MessageSource messages;

    DocumentAttachmentController(Documents documents, ProblemWriter problems, MessageSource messages) {
        this.documents = documents;
        this.problems = problems;
        this.messages = messages;
    }

    @PostMapping("/api/v1/documents/{id}/attachments")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    AttachmentView attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        return documents.attach(Actors.require(), id, Uploads.name(file), Uploads.bytes(file));
    }

    @GetMapping("/api/v1/documents/{id}/attachments")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    List<AttachmentView> list(@PathVariable long id) {
        return documents.attachments(Actors.require(), id);
    }

    /** The file as a download whatever its type, so that nothing uploaded is ever run by the browser. */
    @GetMapping({"/api/v1/documents/{id}/attachments/{attachment}", "/documents/{id}/attachments/{attachment}"})
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachment) {
        AttachmentFile file = documents.attachment(Actors.require(), id, attachment);
        return Downloads.attachment(file.view().fileName(), file.view().contentType(), file.content());
    }

    @DeleteMapping("/api/v1/documents/{id}/attachments/{attachment}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    void detach(@PathVariable long id, @PathVariable long attachment) {
        documents.detach(Actors.require(), id, attachment);
    }

    @PostMapping("/documents/{id}/attachments")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String attachPage(
            @PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        try {
            documents.attach(Actors.require(), id, Uploads.name(file), Uploads.bytes(file));
            flash.addFlashAttribute("flashSuccess", message("documents.attached"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", problems.sentence(LocaleContextHolder.getLocale(), e));
        }
        return "redirect:/documents/" + id;
    }

    @PostMapping("/documents/{id}/attachments/{attachment}/delete")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String detachPage(@PathVariable long id, @PathVariable long attachment, RedirectAttributes flash) {
        try {
            documents.detach(Actors.require(), id, attachment);
            flash.addFlashAttribute("flashSuccess", message("documents.detached"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", problems.sentence(LocaleContextHolder.getLocale(), e));
        }
        return "redirect:/documents/" + id;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
