package com.example.dunning.activities.conversation;

import com.example.dunning.workflows.activities.CustomerActionActivities.ActionRequest;
import com.example.dunning.workflows.model.ActedDunning;
import com.example.dunning.workflows.model.ActionClaimState;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SQL of customer-level actions: the action, and its claim on each dunning it reaches. */
class CustomerActionTables {

  private final JdbcTemplate jdbc;

  CustomerActionTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the action and claims the customer's open dunnings for it, unless it was recorded
   * before: the dunnings an action reaches are those open when it first ran.
   */
  void claimOnce(ActionRequest request) {
    int recorded =
        jdbc.update(
            "INSERT INTO customer_action (action_key, provider, customer_id, kind, requested_by)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (action_key) DO NOTHING",
            request.actionKey(),
            request.provider(),
            request.customerId(),
            request.kind().name(),
            request.by());
    if (recorded == 0) {
      return;
    }
    jdbc.update(
        "INSERT INTO customer_action_dunning (action_key, dunning_id, state)"
            + " SELECT ?, dunning_id, ? FROM failed_invoice"
            + " WHERE provider = ? AND customer_id = ? AND ended_at IS NULL"
            + " AND status IN ('ACTIVE', 'PAUSED')",
        request.actionKey(),
        ActionClaimState.CLAIMED.name(),
        request.provider(),
        request.customerId());
  }

  List<ActedDunning> claims(String actionKey) {
    return jdbc.query(
        "SELECT c.dunning_id, f.invoice_id, c.state FROM customer_action_dunning c"
            + " JOIN failed_invoice f ON f.dunning_id = c.dunning_id"
            + " WHERE c.action_key = ? ORDER BY c.dunning_id",
        (row, i) ->
            new ActedDunning(
                row.getString("dunning_id"),
                row.getString("invoice_id"),
                ActionClaimState.valueOf(row.getString("state"))),
        actionKey);
  }

  /** The claim's state, its row locked until the transaction ends. */
  Optional<ActionClaimState> lock(String actionKey, String dunningId) {
    return jdbc
        .query(
            "SELECT state FROM customer_action_dunning WHERE action_key = ? AND dunning_id = ?"
                + " FOR UPDATE",
            (row, i) -> ActionClaimState.valueOf(row.getString("state")),
            actionKey,
            dunningId)
        .stream()
        .findFirst();
  }

  void mark(String actionKey, String dunningId, ActionClaimState state) {
    jdbc.update(
        "UPDATE customer_action_dunning SET state = ?, signalled_at = now()"
            + " WHERE action_key = ? AND dunning_id = ?",
        state.name(),
        actionKey,
        dunningId);
  }
}
