// An iPhone: iPhone 12's viewport, touch and user agent on WebKit. Its throttle is asked for and
// recorded as not applied: no WebKit driver here can slow the CPU or the network.
import { defineDevice } from './descriptor.ts';

export default defineDevice({ name: 'iphone12', device: 'iPhone 12', engine: 'webkit', throttle: 'mid-tier-phone', colour: '#56B4E9', order: 50 });
