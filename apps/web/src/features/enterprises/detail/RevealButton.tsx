import { App as AntApp, Button, Flex, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import type { PersonalDataState } from './personal-data';
import '../../../i18n/messages-enterprise';

/** "显示完整信息" with the note that viewing is recorded; "隐藏完整信息" while shown. */
export function RevealButton({ personal }: { personal: PersonalDataState }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  if (personal.revealed) {
    return (
      <Button icon={<EyeInvisibleOutlined />} onClick={personal.hide}>
        {t('personal.hide')}
      </Button>
    );
  }
  return (
    <Flex align="center" gap={8} wrap>
      <Button
        icon={<EyeOutlined />}
        loading={personal.loading}
        onClick={() =>
          personal
            .reveal()
            .catch((e: unknown) => void message.error(errorMessage(e, t('common.unexpectedError'))))
        }
      >
        {t('personal.reveal')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('personal.note')}
      </Typography.Text>
    </Flex>
  );
}
