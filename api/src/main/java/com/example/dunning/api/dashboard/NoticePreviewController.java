package com.example.dunning.api.dashboard;

import com.example.dunning.api.dunnings.DunningLookup;
import com.example.dunning.api.dunnings.DunningNotFoundException;
import com.example.dunning.api.dunnings.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Every notice kind in every language for one dunning, as its customer would receive them. */
@Controller
class NoticePreviewController {

  private final DunningLookup lookup;
  private final NoticePreviews previews;

  NoticePreviewController(DunningLookup lookup, NoticePreviews previews) {
    this.lookup = lookup;
    this.previews = previews;
  }

  @GetMapping("/dashboard/dunnings/{id}/notices")
  String notices(@PathVariable String id, Model model, HttpServletResponse response) {
    String dunningId;
    try {
      dunningId = lookup.dunningId(id);
    } catch (DunningNotFoundException | InvalidRequestException e) {
      return missing(id, e.getMessage(), e instanceof DunningNotFoundException, model, response);
    }
    Optional<List<NoticePreviews.LanguagePreviews>> languages = previews.of(dunningId);
    if (languages.isEmpty()) {
      return missing(id, "no record of " + dunningId + " yet", true, model, response);
    }
    model.addAttribute("dunningId", dunningId);
    model.addAttribute("languages", languages.get());
    return "dashboard/notices";
  }

  private static String missing(
      String id, String error, boolean notFound, Model model, HttpServletResponse response) {
    response.setStatus(
        notFound ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("id", id);
    model.addAttribute("error", error);
    return "dashboard/missing";
  }
}
