using VmLifecycle.Handler;

// vm-lifecycle-handler --node-name node-1 --kubeconfig kubeconfig --tls-cert tls.crt --tls-key tls.key --client-ca ca.crt
var app = HandlerHost.Build(HandlerHost.CreateBuilder(args));
await app.RunAsync();
