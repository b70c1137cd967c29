package com.example.dunning.api.dunnings;

import com.example.dunning.api.webhook.DunningDispatcher;
import com.example.dunning.api.webhook.WebhookOutcome;
import com.example.dunning.workflows.client.DunningStart;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.IntakeDetails;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Starts the dunning of a failed payment reported through the API, by the same path as the
 * webhooks: one workflow per provider and invoice ({@link DunningIds}), started with its first
 * {@code paymentFailed}, so a repeated request reaches the same dunning and changes nothing.
 */
@Component
class DunningIntake {

  static final String EVENT = "api.intake";

  /** Well above any real invoice, low enough to catch a misplaced decimal point. */
  static final long MAX_AMOUNT = 10_000_000_000L;

  private static final Pattern CUSTOMER = Pattern.compile("\\S{1,128}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** Names of packages and artists: long enough for any, short enough for a notice. */
  static final int MAX_TEXT = 200;

  private final DunningDispatcher dispatcher;
  private final DunningLookup lookup;

  DunningIntake(DunningDispatcher dispatcher, DunningLookup lookup) {
    this.dispatcher = dispatcher;
    this.lookup = lookup;
  }

  IntakeAnswer start(IntakeRequest intake) {
    DunningStart start = validated(intake);
    boolean existed = lookup.existsInTemporal(start.workflowId());
    PaymentFailed failed =
        new PaymentFailed(
            start.request().attemptCount(), null, null, null, start.request().failedAt());
    WebhookOutcome outcome =
        dispatcher.signalWithStart(EVENT, start, DunningWorkflow.PAYMENT_FAILED, failed);
    boolean ended = outcome.result() == WebhookOutcome.Result.CLOSED;
    String state = ended ? "ended" : existed ? "running" : "started";
    return new IntakeAnswer(start.workflowId(), !ended && !existed, state);
  }

  private DunningStart validated(IntakeRequest intake) {
    if (intake == null) {
      throw new InvalidRequestException("a JSON body is required");
    }
    List<String> errors = new ArrayList<>();
    String provider = intake.provider();
    boolean knownShape = DunningIds.isProviderName(provider);
    if (!knownShape) {
      errors.add(
          "provider: required, lower-case like stripe or elasticpath ("
              + DunningIds.providerRule()
              + ")");
    }
    String workflowId = null;
    try {
      // DunningIds has the last word on both parts of the workflow id; with a provider already
      // refused, a well-formed one stands in so that the invoice id is checked too.
      workflowId = DunningIds.workflowId(knownShape ? provider : "stripe", intake.invoiceId());
    } catch (IllegalArgumentException e) {
      boolean aboutProvider = e.getMessage().startsWith("provider");
      errors.add((aboutProvider ? "provider: " : "invoiceId: required; ") + e.getMessage());
    }
    if (intake.customerId() == null || !CUSTOMER.matcher(intake.customerId()).matches()) {
      errors.add("customerId: required, 1 to 128 characters without spaces");
    }
    if (intake.amount() == null || intake.amount() < 1 || intake.amount() > MAX_AMOUNT) {
      errors.add("amount: required, in the currency's minor unit (cents), from 1 to " + MAX_AMOUNT);
    }
    String currency = currency(intake.currency(), errors);
    IntakeRequest.Contact contact = intake.contact();
    String email = contact == null ? null : blankToNull(contact.email());
    String phone = contact == null ? null : blankToNull(contact.phone());
    if (email == null && phone == null) {
      errors.add("contact: an email or a phone number is required, to tell the customer");
    }
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.add("contact.email: not an e-mail address: " + email);
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      errors.add("contact.phone: not an E.164 number such as +4712345678: " + phone);
    }
    int attemptCount = intake.attemptCount() == null ? 1 : intake.attemptCount();
    if (attemptCount < 1 || attemptCount > 100) {
      errors.add("attemptCount: from 1 to 100");
    }
    Instant now = Instant.now();
    Instant failedAt = intake.failedAt() == null ? now : intake.failedAt();
    if (failedAt.isAfter(now.plusSeconds(300))) {
      errors.add("failedAt: in the future: " + failedAt);
    }
    IntakeDetails told = told(intake, phone, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    DunningRequest request =
        new DunningRequest(
                provider,
                intake.invoiceId(),
                intake.customerId(),
                email,
                intake.amount(),
                currency,
                attemptCount,
                failedAt)
            .withIntake(told);
    return new DunningStart(
        workflowId, request, DunningStart.searchAttributes(request), summary(request, phone));
  }

  /**
   * The optional facts beyond the invoice, checked; the business's keys go where Stripe metadata
   * would put them, so seed 000 finds the dunning by {@code UserId} whatever its provider.
   */
  private static IntakeDetails told(IntakeRequest intake, String phone, List<String> errors) {
    Map<String, String> metadata = new TreeMap<>();
    if (intake.userId() != null) {
      if (intake.userId() < 1) {
        errors.add("userId: a whole number from 1: " + intake.userId());
      }
      metadata.put("user_id", intake.userId().toString());
    }
    if (intake.packageId() != null) {
      if (intake.packageId() < 1) {
        errors.add("packageId: a whole number from 1: " + intake.packageId());
      }
      metadata.put("package_id", intake.packageId().toString());
    }
    String packageName = text("packageName", intake.packageName(), errors);
    String artistName = text("artistName", intake.artistName(), errors);
    if (artistName != null) {
      metadata.put("artist_name", artistName);
    }
    String profileUrl = blankToNull(intake.profileUrl());
    if (profileUrl != null) {
      if (!isWebAddress(profileUrl)) {
        errors.add("profileUrl: not an http or https address: " + profileUrl);
      }
      metadata.put("profile_url", profileUrl);
    }
    String locale = blankToNull(intake.locale());
    if (locale != null && !isLanguageTag(locale)) {
      errors.add("locale: not a language tag such as nb-NO or en: " + locale);
    }
    String timeZone = blankToNull(intake.timeZone());
    if (timeZone != null && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
      errors.add("timeZone: not an IANA time zone such as Europe/Oslo: " + timeZone);
    }
    return new IntakeDetails(phone, timeZone, locale, packageName, metadata);
  }

  private static String text(String field, String value, List<String> errors) {
    String text = blankToNull(value);
    if (text != null && text.length() > MAX_TEXT) {
      errors.add(field + ": at most " + MAX_TEXT + " characters");
    }
    return text;
  }

  private static boolean isWebAddress(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute()
          && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && value.length() <= 2048;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isLanguageTag(String value) {
    try {
      return !new Locale.Builder().setLanguageTag(value).build().getLanguage().isEmpty();
    } catch (IllformedLocaleException e) {
      return false;
    }
  }

  /** Lower case, as Stripe writes currencies, so the records of every provider read alike. */
  private static String currency(String code, List<String> errors) {
    if (code != null && code.strip().length() == 3) {
      try {
        return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT))
            .getCurrencyCode()
            .toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException unknown) {
        // reported below
      }
    }
    errors.add("currency: required, an ISO 4217 code such as NOK or USD" + given(code));
    return null;
  }

  /** E.g. {@code Dunning of elasticpath invoice inv-1: NOK 19.99 owed by c-9 (a@b.no), phone …}. */
  private static String summary(DunningRequest request, String phone) {
    return DunningStart.summary(request, request.provider())
        + (phone == null ? "" : ", phone " + phone)
        + ", reported through the API";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String given(String value) {
    return value == null ? "" : ": " + value;
  }
}
