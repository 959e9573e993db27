// The Azure HR scenario's servers, as the Azure e2e tests start them: Azurite behind two recording proxies (HTTPS for
// the scanner, HTTP for seeding), the HR containers seeded, and — unless told otherwise — the local ARM stand-in
// pointing at the HTTPS proxy. All on 127.0.0.1.
import { AZURITE_ACCOUNT, startAzurite, type Azurite } from './azurite.js';
import { startFakeArm, type FakeArm } from './fake-arm.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';
import { hrArmState, seedAzureHr } from './seed-azure-hr.js';
import { makeTestCert, type TestCert } from './tls.js';

export interface AzureHrStack {
  cert: TestCert;
  azurite: Azurite;
  /** HTTPS proxy the scanner reaches Azurite through (records what the scan sends). */
  dataProxy: RecordingProxy;
  /** HTTP proxy the seeding went through. */
  setupProxy: RecordingProxy;
  /** The ARM stand-in with the HR storage account (absent with `{ arm: false }`). */
  arm?: FakeArm;
  /** The blob endpoint of the HR account through dataProxy. */
  blobEndpoint: string;
  close(): Promise<void>;
}

export async function startAzureHrStack(opts: { arm?: boolean } = {}): Promise<AzureHrStack> {
  const cert = makeTestCert();
  const azurite = await startAzurite(cert);
  const dataProxy = await startRecordingProxy(azurite.origin, cert, 'https');
  const setupProxy = await startRecordingProxy(azurite.origin, cert, 'http');
  await seedAzureHr(setupProxy.origin);
  const blobEndpoint = `${dataProxy.origin}/${AZURITE_ACCOUNT}`;
  const arm = opts.arm === false ? undefined : await startFakeArm(cert, hrArmState({ blobEndpoint, allowBlobPublicAccess: true }));
  return {
    cert,
    azurite,
    dataProxy,
    setupProxy,
    ...(arm ? { arm } : {}),
    blobEndpoint,
    close: async () => {
      await arm?.close();
      await dataProxy.close();
      await setupProxy.close();
      await azurite.stop();
    },
  };
}
