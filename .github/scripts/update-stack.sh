#!/usr/bin/env bash
# Makes the TacoMail stack follow aliases/tacomail.yaml: run by the apply workflow after the table
# apply, so that adding a domain is one pull request. Only DomainNames moves (the receipt rule's
# recipients and the function roles' From and feedback address conditions): a change set on the
# previous template, every other parameter at its previous value, executed only when every change
# it holds is an in-place update of one of the resources that follow DomainNames.
#
# Compares the derived DomainNames with the stack's, so it is idempotent: a run with nothing to do
# changes nothing, and re-running a failed run finishes the update. A changed TableName is never
# deployed (it would point the functions at another table, or replace it): docs/deploy.md.
#
# Usage: update-stack.sh [CONFIG_DIR]   (default: aliases)
# Environment: TACOMAIL_STACK_NAME (unset or empty: the stack is not updated, with a notice),
# AWS credentials and region (the apply role), and optionally GITHUB_RUN_ID and
# GITHUB_RUN_ATTEMPT for the change set's name. Needs tacomail, aws (CLI v2) and jq on PATH.
# Every line that starts with "Stack:" is a result line for the pull request comment; the log
# holds domain names, logical resource ids and statuses, never an address.
set -euo pipefail

config="${1:-aliases}"
stack="${TACOMAIL_STACK_NAME:-}"

# The resources whose properties DomainNames reaches, and so the only ones a change set of this
# script may touch; a template test checks that the list matches lambda/template.yaml.
follows_domain_names='["DeliveryRole","DispositionRole","ReceiptRule"]'

fail() {
  echo "::error::$1"
  echo "Stack: not updated: $2"
  exit 1
}

if [ -z "$stack" ]; then
  echo "::notice::The stack is not updated: set the repository variable TACOMAIL_STACK_NAME to the stack's name (after deploying lambda/template.yaml of this version, docs/deploy.md step 6) to have each apply bring DomainNames in line with aliases/tacomail.yaml."
  echo "Stack: not updated: TACOMAIL_STACK_NAME is not set."
  exit 0
fi

derived="$(tacomail stack-parameters --config "$config" --format json)"

if ! deployed="$(aws cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0]' --output json)"; then
  fail "Cannot read the stack $stack (see above): check TACOMAIL_STACK_NAME and that the stack runs the template version that lets the apply role update it (docs/deploy.md, step 6)." "cannot read the stack $stack."
fi

# The value of parameter $1 in a parameter list on stdin (empty when it is not there).
parameter() {
  jq -r --arg key "$1" 'map(select(.ParameterKey == $key))[0].ParameterValue // ""'
}

status="$(jq -r '.StackStatus' <<<"$deployed")"
case "$status" in
  CREATE_COMPLETE | UPDATE_COMPLETE | UPDATE_ROLLBACK_COMPLETE | IMPORT_COMPLETE | IMPORT_ROLLBACK_COMPLETE) ;;
  *_IN_PROGRESS)
    fail "The stack $stack is $status: another operation is running. Re-run this job once it has finished." "$stack is $status." ;;
  *)
    fail "The stack $stack is $status and cannot be updated. Repair it by hand (docs/deploy.md, Updating), then re-run this job." "$stack is $status." ;;
esac

want_domains="$(parameter DomainNames <<<"$derived")"
want_table="$(parameter TableName <<<"$derived")"
have_domains="$(jq '.Parameters // []' <<<"$deployed" | parameter DomainNames)"
have_table="$(jq '.Parameters // []' <<<"$deployed" | parameter TableName)"

if [ -z "$want_domains" ] || [ -z "$want_table" ]; then
  fail "tacomail stack-parameters printed no DomainNames or TableName." "no parameters derived."
fi
if [ -z "$have_domains" ] || [ -z "$have_table" ]; then
  fail "The stack $stack has no DomainNames or TableName parameter: is TACOMAIL_STACK_NAME the TacoMail stack?" "$stack is not a TacoMail stack."
fi
if [ "$want_table" != "$have_table" ]; then
  fail "aliases/tacomail.yaml names the table $want_table, the stack $stack was deployed with TableName=$have_table. This workflow never changes TableName (it points the functions and the roles at another table): deploy the stack by hand with the new TableName (docs/deploy.md, Updating), or set table.name back to $have_table." "TableName $have_table -> $want_table is deployed by hand only (docs/deploy.md)."
fi
if [ "$want_domains" = "$have_domains" ]; then
  echo "Stack: $stack is up to date: DomainNames=$have_domains."
  exit 0
fi

echo "DomainNames of $stack: $have_domains -> $want_domains"

# Every parameter the stack has: DomainNames derived, all others at their previous value (a
# parameter left out of an update goes back to its default).
parameters="$(mktemp)"
trap 'rm -f "$parameters"' EXIT
jq --arg domains "$want_domains" '
  [(.Parameters // [])[].ParameterKey
   | if . == "DomainNames" then {ParameterKey: ., ParameterValue: $domains}
     else {ParameterKey: ., UsePreviousValue: true} end]' <<<"$deployed" >"$parameters"

change_set="tacomail-domains-${GITHUB_RUN_ID:-local}-${GITHUB_RUN_ATTEMPT:-1}"
# CAPABILITY_IAM: the template holds IAM roles and a managed policy, none with a fixed name.
aws cloudformation create-change-set \
  --stack-name "$stack" \
  --change-set-name "$change_set" \
  --change-set-type UPDATE \
  --use-previous-template \
  --parameters "file://$parameters" \
  --capabilities CAPABILITY_IAM \
  --description "tacomail apply: DomainNames from aliases/tacomail.yaml" \
  >/dev/null
echo "Created the change set $change_set."

delete_change_set() {
  aws cloudformation delete-change-set --stack-name "$stack" --change-set-name "$change_set" || true
}

if ! aws cloudformation wait change-set-create-complete --stack-name "$stack" --change-set-name "$change_set"; then
  reason="$(aws cloudformation describe-change-set --stack-name "$stack" --change-set-name "$change_set" --query StatusReason --output text)" ||
    reason="unknown (describe-change-set failed)"
  delete_change_set
  case "$reason" in
    *"didn't contain changes"* | *"No updates are to be performed"*)
      echo "Stack: $stack is up to date: the change set for DomainNames=$want_domains holds no change."
      exit 0 ;;
  esac
  fail "The change set for $stack failed: $reason" "the change set failed."
fi

changes="$(aws cloudformation describe-change-set --stack-name "$stack" --change-set-name "$change_set" --query 'Changes[].ResourceChange' --output json)"
echo "Changes:"
jq -r '.[] | "  \(.Action) \(.LogicalResourceId) (\(.ResourceType)), replacement: \(.Replacement // "n/a")"' <<<"$changes"

unexpected="$(jq -r --argjson allowed "$follows_domain_names" '
  [.[] | select(.Action != "Modify" or .Replacement != "False" or (.LogicalResourceId | IN($allowed[]) | not))
   | "\(.Action) \(.LogicalResourceId)"] | join(", ")' <<<"$changes")"
if [ -n "$unexpected" ]; then
  delete_change_set
  fail "The change set for $stack would also do: $unexpected. A DomainNames change only updates $(jq -r 'join(", ")' <<<"$follows_domain_names") in place, so the deployed template is not the one this workflow expects: deploy the stack by hand (docs/deploy.md, Updating). The change set was deleted." "the change set held other changes than DomainNames."
fi

aws cloudformation execute-change-set --stack-name "$stack" --change-set-name "$change_set"
if ! aws cloudformation wait stack-update-complete --stack-name "$stack"; then
  echo "Failed stack events:"
  aws cloudformation describe-stack-events --stack-name "$stack" --max-items 50 --output json |
    jq -r '.StackEvents[] | select(.ResourceStatus | endswith("FAILED")) | "  \(.Timestamp) \(.LogicalResourceId) \(.ResourceStatus): \(.ResourceStatusReason // "")"' || true
  fail "Updating $stack failed (the events are above). CloudFormation rolled it back to DomainNames=$have_domains; if it is UPDATE_ROLLBACK_FAILED, continue the rollback with your own credentials (docs/deploy.md, Updating). Fix the cause and re-run this job." "the update of DomainNames=$want_domains failed and was rolled back."
fi

echo "Stack: $stack updated: DomainNames=$want_domains (was $have_domains)."
