// Amazon SES v2 `SendEmail` as the e-mail port, registered on import when CDK set EMAIL_TRANSPORT=ses.
// Only the sending function (./scheduled.ts) imports this module.
import { requireEnv } from '../config/env.js';
import { awsJson, regionalEndpoint } from '../data/aws-json.js';
import { registerEmailPort, type EmailPort } from './email.js';

export function sesAdapter(from: string, endpoint = regionalEndpoint('email')): EmailPort {
  return {
    send: async (m) => {
      const res = await awsJson<{ MessageId?: string }>({
        service: 'ses', endpoint, path: '/v2/email/outbound-emails', contentType: 'application/json',
        body: {
          FromEmailAddress: from,
          Destination: { ToAddresses: [m.to] },
          Content: { Simple: { Subject: { Data: m.subject, Charset: 'UTF-8' }, Body: { Text: { Data: m.text, Charset: 'UTF-8' } } } },
          EmailTags: [{ Name: 'tenant', Value: m.tenant.replace(/[^A-Za-z0-9_-]/g, '_') }],
        },
      });
      return { messageId: res.MessageId ?? '' };
    },
  };
}

if (process.env.EMAIL_TRANSPORT === 'ses') registerEmailPort(sesAdapter(requireEnv('EMAIL_FROM')));
