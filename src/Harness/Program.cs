using static TorchSharp.torch;
var x = randn(2, 1, 8, 8, requires_grad: true);
var conv = nn.Conv2d(1, 4, 3);
var y = conv.forward(x).sum();
y.backward();
Console.WriteLine($"ok {y.item<float>()} grad {x.grad!.abs().sum().item<float>()}");
