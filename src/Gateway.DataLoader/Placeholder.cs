namespace Gateway.DataLoader; internal static class Placeholder {}
