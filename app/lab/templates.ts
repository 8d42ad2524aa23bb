// Starting points for the policy lab: complete scenarios in the evaluator's contract format
// (../shared/contracts/iam-eval.md), one per pattern the exams keep coming back to. Each says
// in one line what it shows and which decision it reaches; tests/unit/lab/templates.test.ts
// runs every one through lib/iam and holds it to that claim.

export type TemplateDecision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

export interface LabTemplate {
  id: string;
  title: string;
  /** One line for the learner, ending in the decision the scenario reaches. */
  description: string;
  expected: TemplateDecision;
  scenario: Record<string, unknown>;
}

const V = "2012-10-17";

function scenario(id: string, description: string, expected: TemplateDecision, body: Record<string, unknown>): Record<string, unknown> {
  return { id, description, ...body, expected };
}

function template(t: Omit<LabTemplate, "scenario"> & { body: Record<string, unknown> }): LabTemplate {
  return { id: t.id, title: t.title, description: t.description, expected: t.expected, scenario: scenario(t.id, t.description, t.expected, t.body) };
}

export const LAB_TEMPLATES: readonly LabTemplate[] = [
  template({
    id: "cross-account-s3-read",
    title: "Cross-account S3 read",
    description:
      "A role in account 111122223333 reads an object from a bucket owned by 444455556666: its identity policy and the bucket policy both allow, so Allow.",
    expected: "Allow",
    body: {
      request: {
        principal: "arn:aws:sts::111122223333:assumed-role/AnalyticsRole/etl-job",
        action: "s3:GetObject",
        resource: "arn:aws:s3:::partner-reports/2026/q3.csv",
        resourceAccount: "444455556666",
      },
      identityPolicies: [
        {
          Version: V,
          Statement: [{ Sid: "ReadPartnerReports", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::partner-reports/*" }],
        },
      ],
      resourcePolicy: {
        Version: V,
        Statement: [
          {
            Sid: "AnalyticsRoleReads",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::111122223333:role/AnalyticsRole" },
            Action: "s3:GetObject",
            Resource: "arn:aws:s3:::partner-reports/*",
          },
        ],
      },
    },
  }),
  template({
    id: "kms-key-policy-iam-delegation",
    title: "KMS key policy with IAM delegation",
    description:
      "The key policy delegates to IAM by allowing the account root, so the role's identity policy alone can grant kms:Decrypt: Allow.",
    expected: "Allow",
    body: {
      request: {
        principal: "arn:aws:sts::111122223333:assumed-role/AppRole/web-1",
        action: "kms:Decrypt",
        resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      },
      identityPolicies: [
        {
          Version: V,
          Statement: [
            {
              Sid: "DecryptAppKey",
              Effect: "Allow",
              Action: "kms:Decrypt",
              Resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
          ],
        },
      ],
      resourcePolicy: {
        Version: V,
        Statement: [
          {
            Sid: "EnableIAMUserPermissions",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::111122223333:root" },
            Action: "kms:*",
            Resource: "*",
          },
        ],
      },
    },
  }),
  template({
    id: "assume-role-external-id",
    title: "AssumeRole with ExternalId",
    description:
      "A partner's role assumes an audit role whose trust policy requires sts:ExternalId; the call passes the right ExternalId, so Allow.",
    expected: "Allow",
    body: {
      request: {
        principal: "arn:aws:sts::444455556666:assumed-role/PartnerScanner/scan-42",
        action: "sts:AssumeRole",
        resource: "arn:aws:iam::111122223333:role/ThirdPartyAudit",
        context: { "sts:ExternalId": "partner-7731" },
      },
      identityPolicies: [
        {
          Version: V,
          Statement: [{ Sid: "AssumeAuditRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::111122223333:role/ThirdPartyAudit" }],
        },
      ],
      resourcePolicy: {
        Version: V,
        Statement: [
          {
            Sid: "TrustPartnerWithExternalId",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::444455556666:role/PartnerScanner" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": "partner-7731" } },
          },
        ],
      },
    },
  }),
  template({
    id: "scp-region-deny-exemptions",
    title: "SCP region deny with exemptions",
    description:
      "An SCP denies every region but eu-west-1, exempting global services and a break-glass role; a developer reads a table in us-west-2: Explicit deny.",
    expected: "ExplicitDeny",
    body: {
      request: {
        principal: "arn:aws:sts::111122223333:assumed-role/Developer/alex",
        action: "dynamodb:GetItem",
        resource: "arn:aws:dynamodb:us-west-2:111122223333:table/Orders",
      },
      identityPolicies: [
        {
          Version: V,
          Statement: [{ Sid: "ReadOrders", Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query"], Resource: "arn:aws:dynamodb:*:111122223333:table/Orders" }],
        },
      ],
      scps: [
        [
          { Version: V, Statement: [{ Sid: "FullAWSAccess", Effect: "Allow", Action: "*", Resource: "*" }] },
          {
            Version: V,
            Statement: [
              {
                Sid: "DenyOutsideEuWest1",
                Effect: "Deny",
                NotAction: ["iam:*", "sts:*", "organizations:*", "cloudfront:*", "route53:*", "support:*"],
                Resource: "*",
                Condition: {
                  StringNotEquals: { "aws:RequestedRegion": ["eu-west-1"] },
                  ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass" },
                },
              },
            ],
          },
        ],
        [{ Version: V, Statement: [{ Sid: "FullAWSAccess", Effect: "Allow", Action: "*", Resource: "*" }] }],
      ],
    },
  }),
  template({
    id: "boundary-delegation",
    title: "Permissions boundary delegation",
    description:
      "A delegated admin may create roles only with the DevBoundary permissions boundary attached, by its own policy and its own boundary; this request attaches it: Allow.",
    expected: "Allow",
    body: {
      request: {
        principal: "arn:aws:sts::111122223333:assumed-role/DelegatedAdmin/sam",
        action: "iam:CreateRole",
        resource: "arn:aws:iam::111122223333:role/app/ReportsWorker",
        context: { "iam:PermissionsBoundary": "arn:aws:iam::111122223333:policy/DevBoundary" },
      },
      identityPolicies: [
        {
          Version: V,
          Statement: [
            {
              Sid: "CreateRolesWithBoundary",
              Effect: "Allow",
              Action: ["iam:CreateRole", "iam:PutRolePermissionsBoundary"],
              Resource: "arn:aws:iam::111122223333:role/app/*",
              Condition: { StringEquals: { "iam:PermissionsBoundary": "arn:aws:iam::111122223333:policy/DevBoundary" } },
            },
            {
              Sid: "NoBoundaryTampering",
              Effect: "Deny",
              Action: ["iam:DeleteRolePermissionsBoundary", "iam:CreatePolicyVersion", "iam:DeletePolicy"],
              Resource: ["arn:aws:iam::111122223333:role/app/*", "arn:aws:iam::111122223333:policy/DevBoundary"],
            },
          ],
        },
      ],
      permissionsBoundary: {
        Version: V,
        Statement: [
          {
            Sid: "AdminBoundary",
            Effect: "Allow",
            Action: ["iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:AttachRolePolicy", "s3:*"],
            Resource: "*",
            Condition: { StringEquals: { "iam:PermissionsBoundary": "arn:aws:iam::111122223333:policy/DevBoundary" } },
          },
        ],
      },
    },
  }),
  template({
    id: "session-policy-cap",
    title: "Session policy cap",
    description:
      "The role allows s3:* on the bucket, but the session policy passed at AssumeRole allows only s3:GetObject, so s3:PutObject is an Implicit deny.",
    expected: "ImplicitDeny",
    body: {
      request: {
        principal: "arn:aws:sts::111122223333:assumed-role/DataRole/readonly-session",
        action: "s3:PutObject",
        resource: "arn:aws:s3:::team-data/uploads/report.csv",
      },
      identityPolicies: [
        {
          Version: V,
          Statement: [{ Sid: "TeamDataFullAccess", Effect: "Allow", Action: "s3:*", Resource: ["arn:aws:s3:::team-data", "arn:aws:s3:::team-data/*"] }],
        },
      ],
      sessionPolicies: [
        {
          Version: V,
          Statement: [{ Sid: "ReadOnlySession", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::team-data/*" }],
        },
      ],
    },
  }),
  template({
    id: "mfa-bool-if-exists",
    title: "MFA with BoolIfExists",
    description:
      "A user calls with long-term access keys, which carry no aws:MultiFactorAuthPresent; BoolIfExists treats the missing key as a match, so the MFA guard denies: Explicit deny.",
    expected: "ExplicitDeny",
    body: {
      request: {
        principal: "arn:aws:iam::111122223333:user/jordan",
        action: "ec2:StopInstances",
        resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-0abcd1234efgh5678",
      },
      identityPolicies: [
        {
          Version: V,
          Statement: [
            { Sid: "ManageInstances", Effect: "Allow", Action: ["ec2:StartInstances", "ec2:StopInstances"], Resource: "*" },
            {
              Sid: "DenyWithoutMFA",
              Effect: "Deny",
              NotAction: ["iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"],
              Resource: "*",
              Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
            },
          ],
        },
      ],
    },
  }),
];

export const DEFAULT_TEMPLATE_ID = "cross-account-s3-read";

export function getTemplate(id: string): LabTemplate | undefined {
  return LAB_TEMPLATES.find((t) => t.id === id);
}

/** The template's scenario as the editor shows it. */
export function templateText(t: LabTemplate): string {
  return `${JSON.stringify(t.scenario, null, 2)}\n`;
}
