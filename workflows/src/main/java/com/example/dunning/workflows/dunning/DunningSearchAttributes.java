package com.example.dunning.workflows.dunning;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/** Custom search attributes that make dunnings findable in the Temporal UI. */
public final class DunningSearchAttributes {

  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("DunningStatus");
  public static final SearchAttributeKey<String> PROVIDER =
      SearchAttributeKey.forKeyword("DunningProvider");
  public static final SearchAttributeKey<String> INVOICE_ID =
      SearchAttributeKey.forKeyword("InvoiceId");
  public static final SearchAttributeKey<String> CUSTOMER_ID =
      SearchAttributeKey.forKeyword("CustomerId");
  public static final SearchAttributeKey<String> CUSTOMER_EMAIL =
      SearchAttributeKey.forKeyword("CustomerEmail");

  /** In the currency's minor unit, as the providers report it. */
  public static final SearchAttributeKey<Long> AMOUNT_DUE = SearchAttributeKey.forLong("AmountDue");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(STATUS, PROVIDER, INVOICE_ID, CUSTOMER_ID, CUSTOMER_EMAIL, AMOUNT_DUE);

  private DunningSearchAttributes() {}
}
