// Generated from qrdesk-core's `Rules::current()` by scripts/gen-bindings.sh. Do not edit.

import type { Rules } from "./Rules";

export const RULES: Rules = {
  "print": {
    "max_bleed_mm": 20.0,
    "min_code_mm": 10.0,
    "max_code_mm": 2000.0,
    "max_offset_mm": 20.0,
    "min_contrast": 3.0,
    "max_csv_bytes": 100000000,
    "max_column_chars": 200
  },
  "style": {
    "max_logo_fraction": 0.3,
    "default_logo_fraction": 0.22,
    "max_logo_bytes": 2000000,
    "max_name_chars": 100,
    "max_frame_chars": 60
  },
  "design": {
    "max_fields": 12,
    "min_font_pt": 4.0,
    "max_font_pt": 72.0,
    "default_font_pt": 9.0,
    "default_min_font_pt": 5.0,
    "max_template_chars": 500,
    "max_name_chars": 100
  },
  "max_campaign_rows": 10000,
  "max_code_name_chars": 500,
  "max_destination_chars": 2048,
  "max_account_label_chars": 200,
  "key_prefixes": [
    {
      "prefix": "qrcp_live_",
      "provider": "qrcodepro",
      "environment": "live",
      "needs_client_id": false
    },
    {
      "prefix": "qrcp_test_",
      "provider": "qrcodepro",
      "environment": "test",
      "needs_client_id": false
    },
    {
      "prefix": "exr_live_",
      "provider": "exaroutes",
      "environment": "live",
      "needs_client_id": false
    },
    {
      "prefix": "exr_test_",
      "provider": "exaroutes",
      "environment": "test",
      "needs_client_id": false
    },
    {
      "prefix": "sk_live_",
      "provider": "exaroutes",
      "environment": "live",
      "needs_client_id": true
    },
    {
      "prefix": "ex_live_",
      "provider": "exante",
      "environment": "live",
      "needs_client_id": false
    },
    {
      "prefix": "ilqr_",
      "provider": "iloveqr",
      "environment": "live",
      "needs_client_id": false
    }
  ],
  "client_id_prefix": "cust_",
  "services": [
    {
      "provider": "exaroutes",
      "display_name": "ExaRoutes",
      "default_base_url": "https://api.exaroutes.com",
      "dashboard_hint": "ExaRoutes dashboard → Settings → API keys",
      "workspace_label": "Workspace",
      "has_codes": true
    },
    {
      "provider": "qr-v1",
      "display_name": "QR platform (/api/v1/qr)",
      "default_base_url": "https://qrcodegen.allsortswebdesigners.co.za",
      "dashboard_hint": "QR platform dashboard → Account → API access (Team plan)",
      "workspace_label": null,
      "has_codes": true
    },
    {
      "provider": "qrcodepro",
      "display_name": "QRCodePro",
      "default_base_url": "https://api.qrcodepro.io",
      "dashboard_hint": "QRCodePro dashboard → Developers → API keys",
      "workspace_label": null,
      "has_codes": true
    },
    {
      "provider": "iloveqr",
      "display_name": "iloveQR",
      "default_base_url": "https://i-love-qr-production-645dbff8d2fe.herokuapp.com/api/v1",
      "dashboard_hint": "iloveQR dashboard → Organization settings → API keys",
      "workspace_label": "Organization",
      "has_codes": true
    },
    {
      "provider": "exante",
      "display_name": "Exante",
      "default_base_url": "https://dev.exante.app",
      "dashboard_hint": "Exante dashboard → Settings → API keys (QR Desk revokes it for you)",
      "workspace_label": null,
      "has_codes": false
    }
  ],
  "errors": [
    {
      "kind": "missing_credentials",
      "sentence": "No API key is stored for this account. Add the key again under Accounts."
    },
    {
      "kind": "invalid_credentials",
      "sentence": "The service does not recognise this API key. Check that it was copied completely, or create a new key in the service's dashboard and add it again."
    },
    {
      "kind": "key_revoked",
      "sentence": "This API key was revoked on the service. Create a new key in the service's dashboard and enter it with \"Rotate key\"."
    },
    {
      "kind": "key_expired",
      "sentence": "This API key has expired. Create a new key in the service's dashboard and enter it with \"Rotate key\"."
    },
    {
      "kind": "forbidden",
      "sentence": "The service refused this request: your plan or the key's permissions do not allow it. Check the plan and the key's scopes in the service's dashboard."
    },
    {
      "kind": "not_a_member",
      "sentence": "This key has no access to the chosen workspace or organization. Pick another one, or ask its owner to invite you."
    },
    {
      "kind": "step_up_required",
      "sentence": "The service wants this change confirmed. Confirm it in the service's dashboard, then retry within 5 minutes."
    },
    {
      "kind": "not_found",
      "sentence": "The service no longer has this item. It may have been deleted elsewhere; sync to refresh the list."
    },
    {
      "kind": "validation",
      "sentence": "The service refused a value. Correct the field named in the message and try again."
    },
    {
      "kind": "conflict",
      "sentence": "This code was changed on the service since you edited it here. Open the outbox, compare both versions and keep one."
    },
    {
      "kind": "rate_limited",
      "sentence": "The service asked QR Desk to slow down. It will retry by itself; nothing is lost."
    },
    {
      "kind": "quota_exhausted",
      "sentence": "The plan's request quota is used up. Retrying will not help until the quota resets; upgrade the plan or wait."
    },
    {
      "kind": "server_error",
      "sentence": "The service had an internal problem. QR Desk will retry later; nothing is lost."
    },
    {
      "kind": "network",
      "sentence": "The service could not be reached. Check the internet connection; your changes wait safely in the outbox."
    },
    {
      "kind": "malformed_response",
      "sentence": "The service answered with something QR Desk does not understand. Try again later; if it persists, the service may have changed."
    },
    {
      "kind": "bad_input",
      "sentence": "Something given to QR Desk is not usable. Correct the value named in the message and try again."
    },
    {
      "kind": "io",
      "sentence": "A file or folder could not be read or written. Check that it exists, that you may write there and that the disk is not full."
    },
    {
      "kind": "storage",
      "sentence": "The local database could not be used. Check free disk space and that no other program holds the data folder."
    },
    {
      "kind": "keychain_unavailable",
      "sentence": "The system keychain is not available, so API keys cannot be stored or read. Unlock the keychain (or start a desktop session with a keyring) and try again."
    },
    {
      "kind": "printing",
      "sentence": "The printer did not take the job. Check it in the system's printer settings, or print the PDF from your PDF viewer."
    },
    {
      "kind": "cancelled",
      "sentence": "The job was cancelled. Nothing was written."
    }
  ]
};
