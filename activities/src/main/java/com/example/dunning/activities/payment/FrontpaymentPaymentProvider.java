package com.example.dunning.activities.payment;

import com.example.dunning.activities.payment.ProviderHttp.Answer;
import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.PaymentDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Frontpayment: a failed subscription order, read with the Bearer token Frontpayment issued. The
 * dunning's invoice id is the order's uuid. Frontpayment sends its own reminders and invoices the
 * order; this API cannot charge it.
 */
@Component
@EnableConfigurationProperties(FrontpaymentProperties.class)
public class FrontpaymentPaymentProvider implements PaymentProvider {

  static final String NAME = "frontpayment";

  private static final Logger log = LoggerFactory.getLogger(FrontpaymentPaymentProvider.class);

  private static final String FAILED_ORDER =
      "/api/v1/connect/subscriptions/failed/details/{orderUuid}";

  private final FrontpaymentProperties properties;
  private final ProviderHttp http;
  private final CredentialAlarm alarm;

  public FrontpaymentPaymentProvider(
      FrontpaymentProperties properties, RestClient.Builder builder, CredentialRefusals refusals) {
    this.properties = properties;
    this.alarm = new CredentialAlarm(NAME, refusals);
    this.http =
        new ProviderHttp(
            NAME,
            properties.isConfigured() ? properties.baseUrl() : "http://frontpayment.invalid",
            properties.connectTimeout(),
            properties.readTimeout(),
            builder);
    if (!properties.isConfigured()) {
      log.warn(
          "Frontpayment is not configured (FRONTPAYMENT_BASE_URL or FRONTPAYMENT_TOKEN is empty):"
              + " dunnings of provider {} wait until it is",
          NAME);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PaymentDetails fetchPayment(String orderUuid) {
    if (orderUuid == null || orderUuid.isBlank()) {
      throw ProviderFailures.notFound(NAME, orderUuid, "Frontpayment invoices are order uuids");
    }
    if (!properties.isConfigured()) {
      throw ProviderFailures.notConfigured(NAME, "FRONTPAYMENT_BASE_URL and FRONTPAYMENT_TOKEN");
    }
    Answer answer =
        http.get(FAILED_ORDER, headers -> headers.setBearerAuth(properties.token()), orderUuid);
    if (answer.status() == 401 || answer.status() == 403) {
      alarm.refused(answer.status(), answer.excerpt());
      throw ProviderFailures.authentication(NAME, answer.status(), answer.excerpt());
    }
    if (answer.status() == 404) {
      throw ProviderFailures.notFound(NAME, orderUuid, answer.excerpt());
    }
    if (!answer.isSuccess()) {
      throw http.failure(answer, "order " + orderUuid);
    }
    alarm.accepted();
    AnswerFields body = AnswerFields.parse(NAME, answer.body());
    Boolean hasData = body.flag("is_data");
    if (Boolean.FALSE.equals(hasData) || body.optionalObject("data") == null) {
      throw ProviderFailures.notFound(
          NAME, orderUuid, "answered without data: " + answer.excerpt());
    }
    return FrontpaymentOrderMapper.toPaymentDetails(
        orderUuid, body.object("data"), properties.timeZone());
  }

  /** Frontpayment resends and invoices the order itself; the policy leaves the retries to it. */
  @Override
  public ChargeResult retryCharge(ChargeRequest request) {
    return ProviderFailures.chargeNotSupported(NAME);
  }
}
