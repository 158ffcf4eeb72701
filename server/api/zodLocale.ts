// Validation messages in Chinese, on the server and in the browser alike: users
// read them (a metadata form, a bad query), and they read Chinese.
import { z } from 'zod';

z.config(z.locales.zhCN());
