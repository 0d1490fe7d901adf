
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'carousel.empty': `Henüz yayımlanmış bir ilke yok.`,
'carousel.heading': `Temel ilkeler`,
'carousel.next': `Sonraki ilke`,
'carousel.noSource': `Bu ilkeler için bir veri kaynağı belirtilmemiş.`,
'carousel.picker': `İlke seçin`,
'carousel.previous': `Önceki ilke`,
'carousel.role': `karusel`,
'carousel.slideLabel': str`${1} içinden ${0}`,
'carousel.slideNumber': str`İlke ${0}`,
'carousel.slideRole': `slayt`,
'carousel.startRotation': `Otomatik geçişi başlat`,
'carousel.stopRotation': `Otomatik geçişi durdur`,
'carousel.tab': str`İlke ${0}`,
'error.contentType': `Bu adres strateji verisi sunmuyor (yanlış dosya türü).`,
'error.http': str`Sunucu ${0} hata koduyla yanıt verdi.`,
'error.invalid': str`Strateji verilerinde hata var. İlk hatanın yeri: ${0}`,
'error.network': `Sunucuya ulaşılamıyor. Lütfen internet bağlantınızı kontrol edin.`,
'error.notJson': `Strateji verileri bozuk (geçerli bir JSON değil).`,
'error.retry': `Yeniden dene`,
'error.title': `İçerik yüklenemedi.`,
'error.tooLarge': `Strateji verileri burada gösterilemeyecek kadar büyük.`,
'error.unknown': `Yükleme sırasında bilinmeyen bir hata oluştu.`,
'error.unsupportedVersion': `Strateji verileri bu bileşenden daha yeni. Lütfen bileşeni güncelleyin.`,
'state.loading': `İçerik yükleniyor…`,
    };
  