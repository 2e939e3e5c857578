// One cell: everything a region needs to serve its tenants, wired as in DESIGN.md §3.
import { App, CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { cells, type CellConfig } from '../deployments.js';
import { Accounts } from '../constructs/accounts.js';
import { Api } from '../constructs/api.js';
import { Auth } from '../constructs/auth.js';
import { Data } from '../constructs/data.js';
import { Observability } from '../constructs/observability.js';
import { Processing } from '../constructs/processing.js';
import { Notifications } from '../constructs/notifications.js';
import { Web } from '../constructs/web.js';

export const stackName = (cell: CellConfig) => `KinerjaAsn-${cell.name}`;

export class CellStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { cell: CellConfig }) {
    super(scope, id, props);
    const { cell } = props;
    Tags.of(this).add('app', 'kinerja-asn');
    Tags.of(this).add('cell', cell.name);

    const data = new Data(this, 'Data', { cell });
    const environment = { TABLE_NAME: data.table.tableName, TENANTS: JSON.stringify(cell.tenants) };

    const auth = new Auth(this, 'Auth', { cell });
    const web = new Web(this, 'Web', { authOrigins: [auth.hostedUiUrl, `https://cognito-idp.${this.region}.amazonaws.com`], domain: cell.domain });
    // The client's callback URL is the CloudFront domain, so the client follows the distribution.
    const dashboardClient = auth.addDashboardClient(web.url);

    const api = new Api(this, 'Api', { table: data.table, environment, userPool: auth.userPool, dashboardClient });
    web.routeApi(api.httpApi, api.originVerify);
    web.deployDashboard({
      region: this.region, userPoolId: auth.userPool.userPoolId, clientId: dashboardClient.userPoolClientId, hostedUiDomain: auth.hostedUiUrl,
      auth: { issuer: `https://cognito-idp.${this.region}.amazonaws.com/${auth.userPool.userPoolId}`, clientId: dashboardClient.userPoolClientId, logoutUrl: `${auth.hostedUiUrl}/logout`, scope: 'openid profile email' },
    });
    // The officer import starts account provisioning; the account worker alone holds the pool's admin calls.
    const accounts = new Accounts(this, 'Accounts', { table: data.table, environment, auth, jobStarters: [api.functions.officers.fn, api.functions.officerImport.fn] });

    const processing = new Processing(this, 'Processing', { cell, table: data.table, environment, runStarters: [api.functions.evaluationRuns.fn] });
    // The daily notification pass per tenant; it alone sends e-mail (the others queue it in the table).
    const notifications = new Notifications(this, 'Notifications', { cell, table: data.table, environment, runStarters: [api.functions.notifications.fn] });

    new Observability(this, 'Observability', {
      httpApi: api.httpApi,
      backgroundFunctions: [processing.stream, processing.dispatcher, processing.worker, notifications.pass, auth.preToken, accounts.worker],
      streamFunction: processing.stream,
      deadLetterQueues: [processing.streamFailures, processing.evaluationDlq, accounts.dlq, notifications.runDlq],
      alarmEmail: this.node.tryGetContext('alarmEmail'),
    });

    new CfnOutput(this, 'DashboardUrl', { value: web.url });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'DashboardClientId', { value: dashboardClient.userPoolClientId });
    new CfnOutput(this, 'HostedUiUrl', { value: auth.hostedUiUrl });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}

/** One stack per cell of infra/deployments.ts. The account comes from the CLI's credentials, if any. */
export function createCellStacks(app: App, cellList: CellConfig[] = cells): CellStack[] {
  return cellList.map(
    (cell) => new CellStack(app, stackName(cell), { cell, env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: cell.region }, description: `Kinerja ASN cell ${cell.name} (${cell.tenants.map((t) => t.id).join(', ')})` }),
  );
}
