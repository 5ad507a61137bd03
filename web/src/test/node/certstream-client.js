// The real npm certstream client (CaliDog/certstream-js) pointed at a URL: prints the first
// certificate_update's leaf_cert.all_domains as "ALL_DOMAINS <json>" and exits 0.
// Usage: node certstream-client.js ws://127.0.0.1:PORT/certstream
const CertStreamClient = require('certstream');

const url = process.argv[2];
const client = new CertStreamClient((message) => {
  if (message.message_type !== 'certificate_update') {
    return;
  }
  console.log('ALL_DOMAINS ' + JSON.stringify(message.data.leaf_cert.all_domains));
  process.exit(0);
}, true);
client.connect(url);
client.ws.on('error', (e) => {
  console.error('certstream client error: ' + e.message);
  process.exit(3);
});
setTimeout(() => {
  console.error('no certificate_update within 60 s from ' + url);
  process.exit(2);
}, 60000);
