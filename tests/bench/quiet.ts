// Imported first by run.ts: the handlers' logger reads its level when its module loads.
process.env.LOG_LEVEL = 'ERROR';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
// The AWS SDK's Node-version notice is not a benchmark finding.
process.removeAllListeners('warning');
export {};
